package io.hostk8s.dev.cloud.publish.app;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.naming.NamingEnumeration;
import javax.naming.directory.Attribute;
import javax.naming.directory.InitialDirContext;

/**
 * Whether a zone is delegated to DigitalOcean (the API cannot tell: only the registrar knows): its NS records, looked
 * up with the JDK's DNS provider. A warning when they are not ns1–3.digitalocean.com, or when the lookup fails.
 */
interface Nameservers {
  Optional<String> check(String zone);

  static Nameservers dns() {
    return zone -> {
      try {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("com.sun.jndi.dns.timeout.initial", "2000");
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        Attribute ns = new InitialDirContext(env).getAttributes(zone, new String[] {"NS"}).get("NS");
        List<String> names = new ArrayList<>();
        if (ns != null) {
          NamingEnumeration<?> all = ns.getAll();
          while (all.hasMore()) {
            names.add(String.valueOf(all.next()).toLowerCase(Locale.ROOT));
          }
        }
        if (names.stream().anyMatch(n -> n.contains("digitalocean.com"))) {
          return Optional.empty();
        }
        return Optional.of("The zone " + zone + " is served by " + (names.isEmpty() ? "no name server" : String.join(", ", names))
            + ", not DigitalOcean: set ns1.digitalocean.com, ns2.digitalocean.com and ns3.digitalocean.com at your "
            + "registrar, or the name will not resolve (and no certificate can be issued).");
      } catch (Exception | LinkageError e) {
        return Optional.of("Could not check " + zone + "'s name servers (" + e.getClass().getSimpleName()
            + "): make sure the registrar delegates it to ns1–3.digitalocean.com.");
      }
    };
  }
}
