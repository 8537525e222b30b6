package io.hostk8s.dev.cloud.publish.app;

import java.util.Map;
import java.util.function.UnaryOperator;

/** The DigitalOcean manifests' placeholders (voting-app/k8s/digitalocean/README.md), replaced as plain text. */
final class Placeholders {
  private Placeholders() {}

  static UnaryOperator<String> of(Map<String, String> values) {
    return text -> {
      String out = text;
      for (Map.Entry<String, String> e : values.entrySet()) {
        out = out.replace(e.getKey(), e.getValue());
      }
      return out;
    };
  }
}
