package io.hostk8s.dev.testbed.ingress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** cert-manager's status conditions ({@code type}, {@code status}, {@code reason}, {@code message}, times). */
final class Conditions {

  private static final List<String> TIMES = List.of("lastTransitionTime", "lastFailureTime", "observedGeneration");

  private Conditions() {
  }

  static Map<String, Object> condition(String type, boolean ok, String reason, String message) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", type);
    c.put("status", ok ? "True" : "False");
    c.put("reason", reason);
    c.put("message", message);
    c.put("lastTransitionTime", CmObjects.now());
    return c;
  }

  /** Equal apart from transition and failure times. */
  static boolean sameIgnoringTimes(Map<String, Object> a, Map<String, Object> b) {
    return Objects.equals(strip(a), strip(b));
  }

  /** {@code next} with each unchanged condition's lastTransitionTime taken from {@code previous}. */
  static Map<String, Object> keepTransitionTimes(Map<String, Object> previous, Map<String, Object> next) {
    Map<String, Object> out = new LinkedHashMap<>(next);
    List<Map<String, Object>> before = conditions(previous);
    List<Object> merged = new ArrayList<>();
    for (Map<String, Object> c : conditions(next)) {
      Map<String, Object> copy = new LinkedHashMap<>(c);
      before.stream().filter(p -> Objects.equals(p.get("type"), c.get("type"))
          && Objects.equals(p.get("status"), c.get("status")) && p.get("lastTransitionTime") != null)
          .findFirst().ifPresent(p -> copy.put("lastTransitionTime", p.get("lastTransitionTime")));
      merged.add(copy);
    }
    if (next.containsKey("conditions")) {
      out.put("conditions", merged);
    }
    return out;
  }

  static List<Map<String, Object>> conditions(Map<String, Object> status) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (status != null && status.get("conditions") instanceof List<?> l) {
      l.forEach(c -> out.add(CmObjects.map(c)));
    }
    return out;
  }

  private static Map<String, Object> strip(Map<String, Object> status) {
    Map<String, Object> s = new LinkedHashMap<>(status == null ? Map.of() : status);
    s.remove("lastFailureTime");
    s.remove("failureTime");
    List<Map<String, Object>> cs = new ArrayList<>();
    for (Map<String, Object> c : conditions(status)) {
      Map<String, Object> copy = new LinkedHashMap<>(c);
      TIMES.forEach(copy::remove);
      cs.add(copy);
    }
    if (s.containsKey("conditions")) {
      s.put("conditions", cs);
    }
    return s;
  }
}
