package io.hostk8s.dev.cloud.publish;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Checks a region, size or version against DigitalOcean's live Kubernetes options (never a list of our own). */
final class Offered {
  private Offered() {}

  static void require(String what, String value, List<String> offered, String configKey) {
    if (!offered.contains(value)) {
      throw notOffered(what, value, offered, configKey);
    }
  }

  /**
   * {@code latest} → the newest slug; a minor ({@code 1.33}) → the newest slug of that minor; a slug → itself when
   * offered.
   */
  static String version(String requested, List<String> slugs) {
    List<String> newestFirst = slugs.stream().sorted(Comparator.comparing(Offered::versionKey).reversed()).toList();
    if (newestFirst.isEmpty()) {
      throw notOffered("Kubernetes version", requested, slugs, "version");
    }
    if ("latest".equals(requested)) {
      return newestFirst.get(0);
    }
    if (slugs.contains(requested)) {
      return requested;
    }
    Optional<String> ofMinor = newestFirst.stream().filter(s -> s.startsWith(requested + ".")).findFirst();
    return ofMinor.orElseThrow(() -> notOffered("Kubernetes version", requested, slugs, "version"));
  }

  /** 1.33.1-do.2 → comparable "00001.00033.00001-00002". */
  private static String versionKey(String slug) {
    StringBuilder sb = new StringBuilder();
    for (String part : slug.split("[^0-9]+")) {
      if (!part.isEmpty()) {
        sb.append(String.format("%09d.", Long.parseLong(part.length() > 9 ? part.substring(0, 9) : part)));
      }
    }
    return sb.toString();
  }

  private static HostK8sException notOffered(String what, String value, List<String> offered, String configKey) {
    String list = offered.size() > 12 ? String.join(", ", offered.subList(0, 12)) + ", …" : String.join(", ", offered);
    return HostK8sException.user(ErrorCode.CLOUD_NOT_OFFERED,
        "DigitalOcean Kubernetes does not offer " + what + " '" + value + "'.",
        "Offered now: " + list + ". Set cloud.digitalocean." + configKey + " in hostk8s.dev.yaml or pass --"
            + flag(configKey) + ".");
  }

  private static String flag(String key) {
    return key.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
  }
}
