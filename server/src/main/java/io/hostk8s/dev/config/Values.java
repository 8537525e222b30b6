package io.hostk8s.dev.config;

import com.fasterxml.jackson.databind.JsonNode;

/** Typed reads from a YAML tree that fall back when a value is missing or of the wrong type. */
final class Values {
  private Values() {}

  static String text(JsonNode node, String field, String fallback) {
    JsonNode v = node.path(field);
    return v.isTextual() && !v.asText().isBlank() ? v.asText() : fallback;
  }

  static Integer integer(JsonNode node, String field, Integer fallback) {
    JsonNode v = node.path(field);
    return v.isIntegralNumber() && v.canConvertToInt() ? Integer.valueOf(v.intValue()) : fallback;
  }

  static Boolean bool(JsonNode node, String field, Boolean fallback) {
    JsonNode v = node.path(field);
    return v.isBoolean() ? Boolean.valueOf(v.booleanValue()) : fallback;
  }
}
