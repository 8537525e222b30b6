package io.hostk8s.dev.testbed.digitalocean;

import java.util.regex.Pattern;

/** Accepts a well-formed DigitalOcean token ({@code dop_v1_}, {@code doo_v1_}, {@code dor_v1_} + 8 or more chars). */
final class Tokens {

  private static final Pattern BEARER = Pattern.compile("Bearer (do[por]_v1_[A-Za-z0-9_-]{8,})");

  private Tokens() {
  }

  static void check(String authorization) {
    if (authorization == null || !BEARER.matcher(authorization.trim()).matches()) {
      throw ApiException.unauthorized();
    }
  }
}
