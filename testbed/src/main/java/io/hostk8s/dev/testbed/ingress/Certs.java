package io.hostk8s.dev.testbed.ingress;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** X.509 certificates made with BouncyCastle's builders (signed by the JDK's own providers). */
final class Certs {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Certs() {
  }

  static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048, RANDOM);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A self-signed CA certificate. */
  static X509Certificate ca(String commonName, KeyPair keys, Duration validity) {
    X500Name name = new X500Name("CN=" + commonName + ",O=HostK8s Dev sandbox");
    return build(name, keys.getPublic(), name, keys.getPrivate(), validity, true, List.of());
  }

  /** A server certificate for {@code dnsNames} (the first is the subject's CN), signed by the CA. */
  static X509Certificate server(PublicKey key, List<String> dnsNames, X509Certificate ca, PrivateKey caKey,
      Duration validity) {
    X500Name issuer = X500Name.getInstance(ca.getSubjectX500Principal().getEncoded());
    return build(new X500Name("CN=" + dnsNames.get(0)), key, issuer, caKey, validity, false, dnsNames);
  }

  /** A self-signed server certificate (Traefik's default certificate). */
  static X509Certificate selfSigned(String commonName, KeyPair keys, List<String> dnsNames, Duration validity) {
    X500Name name = new X500Name("CN=" + commonName);
    return build(name, keys.getPublic(), name, keys.getPrivate(), validity, false, dnsNames);
  }

  private static X509Certificate build(X500Name subject, PublicKey key, X500Name issuer, PrivateKey signer,
      Duration validity, boolean ca, List<String> dnsNames) {
    Instant now = Instant.now();
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM),
        Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject, key);
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key));
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      if (ca) {
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        GeneralName[] names = dnsNames.stream().map(n -> new GeneralName(GeneralName.dNSName, n))
            .toArray(GeneralName[]::new);
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
      }
      return new JcaX509CertificateConverter().getCertificate(
          b.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
    } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a certificate for " + subject + ": " + e.getMessage(), e);
    }
  }
}
