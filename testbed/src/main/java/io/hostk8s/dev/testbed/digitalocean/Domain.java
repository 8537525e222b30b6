package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** A DNS zone and its records. Guarded by the {@link Account} lock. */
final class Domain {

  static final int DEFAULT_TTL = 1800;

  final String name;
  final List<DomainRecord> records = new ArrayList<>();

  Domain(String name) {
    this.name = name;
  }

  /** The fully qualified name of a record name relative to this zone ({@code @} → the zone). */
  String fqdn(String relative) {
    return "@".equals(relative) || relative.isEmpty() ? name : relative + "." + name;
  }

  ObjectNode toJson() {
    return Json.object().put("name", name).put("ttl", DEFAULT_TTL).put("zone_file", zoneFile());
  }

  private String zoneFile() {
    StringBuilder sb = new StringBuilder("$ORIGIN ").append(name).append(".\n$TTL ").append(DEFAULT_TTL).append('\n');
    for (DomainRecord r : records) {
      String owner = fqdn(r.name) + ".";
      String data = switch (r.type) {
        case "SOA" -> "ns1.digitalocean.com. hostmaster." + name + ". 1 10800 3600 604800 1800";
        case "NS", "CNAME", "MX" -> r.data.endsWith(".") ? r.data : r.data + ".";
        case "TXT" -> "\"" + r.data + "\"";
        default -> r.data;
      };
      String prio = "MX".equals(r.type) || "SRV".equals(r.type) ? r.priority + " " : "";
      sb.append(owner).append(' ').append(r.ttl).append(" IN ").append(r.type).append(' ').append(prio)
          .append(data).append('\n');
    }
    return sb.toString();
  }

  static List<String> nameServers() {
    return new ArrayList<>(List.of("ns1.digitalocean.com", "ns2.digitalocean.com", "ns3.digitalocean.com"));
  }
}
