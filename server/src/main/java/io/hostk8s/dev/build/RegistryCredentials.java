package io.hostk8s.dev.build;

import java.util.Objects;

/**
 * A registry user and password held in memory only (e.g. DigitalOcean's short-lived docker-credentials): given to
 * the registry check, the daemon's push ({@code X-Registry-Auth}) and Jib, never written to a docker config file.
 * {@link #toString()} never shows the password.
 */
public record RegistryCredentials(String username, String password) {
  public RegistryCredentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  /** From {@code user:password} (the decoded {@code auth} of a docker config); the password may contain ':'. */
  public static RegistryCredentials of(String userColonPassword) {
    int colon = userColonPassword.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("registry auth is not user:password");
    }
    return new RegistryCredentials(userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1));
  }

  @Override
  public String toString() {
    return "RegistryCredentials[username=" + username + ", password=***]";
  }
}
