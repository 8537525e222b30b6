package io.hostk8s.dev.cloud.publish.app;

import io.hostk8s.dev.cloud.digitalocean.DomainRecord;
import io.hostk8s.dev.cloud.digitalocean.DomainsApi;
import io.hostk8s.dev.cloud.publish.AppState;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The app's host name → the load balancer's IP. With a domain: the zone (created if missing — remembered, so
 * teardown deletes it only then), one A record for the host (found by its full name and repointed, else created:
 * never a duplicate that would round-robin between old and new IPs), and a warning when the zone is not delegated to
 * DigitalOcean. Without a domain: {@code <ip>.sslip.io}, a public name that resolves to the IP in it.
 */
final class DnsPublisher {
  static final int TTL = 300;
  private final DomainsApi domains;
  private final Nameservers nameservers;

  DnsPublisher(DomainsApi domains, Nameservers nameservers) {
    this.domains = domains;
    this.nameservers = nameservers;
  }

  record Result(AppState app, List<String> lines, List<String> warnings) {}

  Result publish(String domain, String configuredHost, String ip, AppState app) {
    List<String> lines = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (domain == null) {
      String host = configuredHost != null ? configuredHost : ip.replace('.', '-') + ".sslip.io";
      lines.add("no domain configured: the app is at " + host + " (cloud.digitalocean.domain gives it your own)");
      return new Result(app.withDns(host, null, false, app.recordIds()), lines, warnings);
    }
    String zone = domain.toLowerCase(Locale.ROOT);
    String host = configuredHost != null ? configuredHost.toLowerCase(Locale.ROOT) : "voting." + zone;
    if (!host.equals(zone) && !host.endsWith("." + zone)) {
      throw HostK8sException.user(ErrorCode.CONFIG_INVALID, "cloud.digitalocean.host " + host + " is not in the domain "
          + zone + ".", "Set host to a name under " + zone + " (e.g. voting." + zone + ") or leave it out.");
    }
    boolean created = zone.equals(app.domain()) && app.domainCreated();
    if (domains.find(zone).isEmpty()) {
      domains.create(zone);
      created = true;
      lines.add("created DNS zone " + zone + " on DigitalOcean");
    }
    String relative = host.equals(zone) ? "@" : host.substring(0, host.length() - zone.length() - 1);
    Set<Long> ours = new LinkedHashSet<>(zone.equals(app.domain()) ? app.recordIds() : List.of());
    List<DomainRecord> existing = domains.records(zone, "A", host);
    if (existing.isEmpty()) {
      DomainRecord r = domains.createA(zone, relative, ip, TTL);
      ours.add(r.id());
      lines.add("A " + host + " → " + ip + " (created)");
    } else {
      DomainRecord first = existing.get(0);
      if (!ip.equals(first.data())) {
        domains.pointA(zone, first.id(), ip);
        lines.add("A " + host + " → " + ip + " (was " + first.data() + ")");
      } else {
        lines.add("A " + host + " → " + ip + " (already)");
      }
      ours.add(first.id());
      if (existing.size() > 1) {
        warnings.add(existing.size() + " A records for " + host + ": DNS answers round-robin between them; delete the "
            + "others in the control panel.");
      }
    }
    nameservers.check(zone).ifPresent(warnings::add);
    return new Result(app.withDns(host, zone, created, List.copyOf(ours)), lines, warnings);
  }
}
