package io.hostk8s.dev.testbed.ingress;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** PEM in and out (BouncyCastle's parser and writer): certificate chains and private keys (PKCS#1 or PKCS#8). */
final class Pem {

  private Pem() {
  }

  static List<X509Certificate> certificates(String pem) {
    List<X509Certificate> chain = new ArrayList<>();
    for (Object o : objects(pem)) {
      if (o instanceof X509CertificateHolder h) {
        try {
          chain.add(new JcaX509CertificateConverter().getCertificate(h));
        } catch (CertificateException e) {
          throw new IllegalArgumentException("bad certificate in PEM: " + e.getMessage(), e);
        }
      }
    }
    return chain;
  }

  static PrivateKey privateKey(String pem) {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try {
      for (Object o : objects(pem)) {
        if (o instanceof PEMKeyPair kp) {
          return converter.getKeyPair(kp).getPrivate();
        }
        if (o instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("bad private key in PEM: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("no private key in PEM");
  }

  /** PEM text of certificates and keys, in order (an RSA private key as PKCS#1, as cert-manager writes it). */
  static String write(Object... objects) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      for (Object o : objects) {
        w.writeObject(o);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static List<Object> objects(String pem) {
    List<Object> all = new ArrayList<>();
    try (PEMParser p = new PEMParser(new StringReader(pem))) {
      for (Object o = p.readObject(); o != null; o = p.readObject()) {
        all.add(o);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read PEM: " + e.getMessage(), e);
    }
    return all;
  }
}
