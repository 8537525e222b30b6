package io.hostk8s.dev.testbed.ingress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * The test CA that stands in for Let's Encrypt: created on the cert-manager stand-in's first start and kept in the
 * sandbox's state dir — {@value #CERT} (the certificate tests and the product's HTTPS checks trust) and
 * {@value #KEY} (0600) — so a restarted controller signs with the same CA.
 */
public final class TestCa {

  /** The CA certificate's file name in the sandbox's state dir. */
  public static final String CERT = "ca.pem";
  static final String KEY = "ca-key.pem";
  /** Let's Encrypt's lifetime. */
  static final Duration LEAF_VALIDITY = Duration.ofDays(90);

  private final X509Certificate cert;
  private final PrivateKey key;

  private TestCa(X509Certificate cert, PrivateKey key) {
    this.cert = cert;
    this.key = key;
  }

  /** The CA certificate file of a sandbox (present once the cert-manager stand-in has started). */
  public static Path certFile(Path sandboxStateDir) {
    return sandboxStateDir.resolve(CERT);
  }

  static synchronized TestCa loadOrCreate(Path stateDir) throws IOException {
    Path certFile = stateDir.resolve(CERT);
    Path keyFile = stateDir.resolve(KEY);
    if (Files.exists(certFile) && Files.exists(keyFile)) {
      return new TestCa(Pem.certificates(Files.readString(certFile)).get(0), Pem.privateKey(Files.readString(keyFile)));
    }
    KeyPair keys = Certs.rsaKeyPair();
    X509Certificate ca = Certs.ca("HostK8s Dev sandbox test CA (stands in for Let's Encrypt)", keys,
        Duration.ofDays(3650));
    Path tmpKey = Files.createTempFile(stateDir, "ca-key", ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(tmpKey, Pem.write(keys.getPrivate()));
    Files.move(tmpKey, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Path tmpCert = Files.createTempFile(stateDir, "ca", ".tmp");
    Files.writeString(tmpCert, Pem.write(ca));
    Files.move(tmpCert, certFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return new TestCa(ca, keys.getPrivate());
  }

  /** A new key and a certificate for {@code dnsNames}; the chain is leaf, then this CA. */
  Issued issue(List<String> dnsNames) {
    KeyPair keys = Certs.rsaKeyPair();
    X509Certificate leaf = Certs.server(keys.getPublic(), dnsNames, cert, key, LEAF_VALIDITY);
    return new Issued(leaf, Pem.write(leaf, cert), Pem.write(keys.getPrivate()));
  }

  X509Certificate certificate() {
    return cert;
  }

  /** An issued certificate: the leaf, and the Secret's {@code tls.crt} / {@code tls.key} text. */
  record Issued(X509Certificate leaf, String chainPem, String keyPem) {
  }
}
