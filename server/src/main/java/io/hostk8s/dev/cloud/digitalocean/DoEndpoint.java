package io.hostk8s.dev.cloud.digitalocean;

import java.util.Map;

/** Which DigitalOcean API base URL to use: {@code --api-url}, else {@code DIGITALOCEAN_API_URL}, else the real one. */
public final class DoEndpoint {
  public static final String DEFAULT = "https://api.digitalocean.com";
  public static final String ENV = "DIGITALOCEAN_API_URL";

  private DoEndpoint() {}

  /** The base URL without a trailing slash; blank values count as absent. */
  public static String resolve(String cliApiUrl, Map<String, String> env) {
    if (cliApiUrl != null && !cliApiUrl.isBlank()) {
      return strip(cliApiUrl);
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return strip(fromEnv);
    }
    return DEFAULT;
  }

  static String strip(String url) {
    String out = url.strip();
    while (out.endsWith("/")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }
}
