package io.hostk8s.dev.testbed.ingress;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Chooses the server certificate by SNI, as Traefik does: the first certificate whose subject alternative names
 * match the requested name (exact or {@code *.} wildcard), else the default certificate (Traefik's self-signed
 * "TRAEFIK DEFAULT CERT"). Certificates are swapped in as Secrets appear or change.
 */
final class SniKeyManager extends X509ExtendedKeyManager {

  static final String DEFAULT = "default";

  private final Map<String, RouteTable.TlsEntry> entries = new ConcurrentHashMap<>();
  private volatile List<String> order = List.of();

  SniKeyManager(RouteTable.TlsEntry defaultCert) {
    entries.put(DEFAULT, defaultCert);
  }

  /** Replaces the Secrets' certificates (keys {@code <ns>/<secret>}); the default stays. */
  void update(Map<String, RouteTable.TlsEntry> certificates) {
    entries.putAll(certificates);
    entries.keySet().removeIf(k -> !k.equals(DEFAULT) && !certificates.containsKey(k));
    order = List.copyOf(certificates.keySet());
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return choose(keyType, engine == null ? null : engine.getHandshakeSession());
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return choose(keyType, null);
  }

  private String choose(String keyType, SSLSession session) {
    Optional<String> sni = sni(session);
    if (sni.isPresent()) {
      for (String alias : order) {
        RouteTable.TlsEntry e = entries.get(alias);
        if (e != null && fits(e, keyType) && covers(e.chain().get(0), sni.get())) {
          return alias;
        }
      }
    }
    return fits(entries.get(DEFAULT), keyType) ? DEFAULT : null;
  }

  private static Optional<String> sni(SSLSession session) {
    if (session instanceof ExtendedSSLSession ext) {
      for (SNIServerName n : ext.getRequestedServerNames()) {
        if (n instanceof SNIHostName h) {
          return Optional.of(h.getAsciiName().toLowerCase(Locale.ROOT));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean fits(RouteTable.TlsEntry e, String keyType) {
    String alg = e.key().getAlgorithm();
    return alg.equalsIgnoreCase(keyType) || ("RSA".equals(alg) && "RSASSA-PSS".equals(keyType));
  }

  static boolean covers(X509Certificate cert, String host) {
    try {
      Collection<List<?>> sans = cert.getSubjectAlternativeNames();
      if (sans == null) {
        return false;
      }
      for (List<?> san : sans) {
        if (Integer.valueOf(2).equals(san.get(0))) {
          String name = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
          if (name.equals(host) || (name.startsWith("*.") && host.endsWith(name.substring(1))
              && host.indexOf('.') == host.length() - name.length() + 1)) {
            return true;
          }
        }
      }
    } catch (CertificateParsingException e) {
      return false;
    }
    return false;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    RouteTable.TlsEntry e = entries.get(alias);
    return e == null ? null : e.chain().toArray(X509Certificate[]::new);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    RouteTable.TlsEntry e = entries.get(alias);
    return e == null ? null : e.key();
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    List<String> out = new ArrayList<>();
    entries.forEach((alias, e) -> {
      if (fits(e, keyType)) {
        out.add(alias);
      }
    });
    return out.toArray(String[]::new);
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }
}
