package io.hostk8s.dev.dap;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret a TCP debug connection must show in its {@code attach}/{@code launch} arguments ({@value #ARGUMENT}):
 * 256 random bits, one per adapter, so valid while the engine runs (sessions of one IDE reuse it; the Unix socket
 * needs none). Compared in constant time; never logged ({@link #toString()} hides it).
 */
final class AccessToken {
  static final String ARGUMENT = "token";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final String value;
  private final byte[] bytes;

  private AccessToken(String value) {
    this.value = value;
    this.bytes = value.getBytes(StandardCharsets.UTF_8);
  }

  static AccessToken random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return new AccessToken(Base64.getUrlEncoder().withoutPadding().encodeToString(b));
  }

  /** For {@code hostk8s.debug.endpoint} only. */
  String value() {
    return value;
  }

  /** Whether the request's arguments carry this token (a string argument {@value #ARGUMENT}). */
  boolean admits(JsonElement arguments) {
    if (arguments == null || !arguments.isJsonObject()) {
      return false;
    }
    JsonElement t = arguments.getAsJsonObject().get(ARGUMENT);
    if (!(t instanceof JsonPrimitive p) || !p.isString()) {
      return false;
    }
    return MessageDigest.isEqual(p.getAsString().getBytes(StandardCharsets.UTF_8), bytes);
  }

  @Override
  public String toString() {
    return "AccessToken(hidden)";
  }
}
