package io.hostk8s.dev.testbed.registry;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** One line of an htpasswd file as docker-registry reads it: {@code user:$2b$…} (bcrypt is the only hash it takes). */
final class Htpasswd {
  private static final int COST = 6; // the registry verifies every request: keep it cheap for tests

  private Htpasswd() {}

  static String line(String user, String password) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return user + ":" + OpenBSDBCrypt.generate("2b", password.getBytes(StandardCharsets.UTF_8), salt, COST) + "\n";
  }
}
