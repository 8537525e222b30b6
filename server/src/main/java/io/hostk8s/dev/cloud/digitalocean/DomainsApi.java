package io.hostk8s.dev.cloud.digitalocean;

import static io.hostk8s.dev.cloud.digitalocean.DoPaths.seg;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /v2/domains}: the zone and its A records. Records are not unique per name: always search, then update. */
public final class DomainsApi {
  private final DoApi api;

  DomainsApi(DoApi api) {
    this.api = api;
  }

  public Optional<Domain> find(String name) {
    return NotFound.empty(() -> api.getOne("/v2/domains/" + seg(name), DoScopes.DOMAIN_READ, "domain", Domain.class));
  }

  /** Creates the zone only (no {@code ip_address}: no apex record is made for us). Never retried. */
  public Domain create(String name) {
    return api.postOne("/v2/domains", DoScopes.DOMAIN_CREATE, Map.of("name", name), "domain", Domain.class);
  }

  public void delete(String name) {
    api.delete("/v2/domains/" + seg(name), DoScopes.DOMAIN_DELETE);
  }

  /** Records of {@code type} named {@code fqdn} (the API filters on the fully qualified name). */
  public List<DomainRecord> records(String domain, String type, String fqdn) {
    return api.list("/v2/domains/" + seg(domain) + "/records?type=" + seg(type) + "&name=" + seg(fqdn),
        DoScopes.DOMAIN_READ, "domain_records", DomainRecord.class);
  }

  /** An A record; {@code name} relative to the domain ({@code @} for the apex). */
  public DomainRecord createA(String domain, String name, String ip, int ttl) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "A");
    body.put("name", name);
    body.put("data", ip);
    body.put("ttl", ttl);
    return api.postOne("/v2/domains/" + seg(domain) + "/records", DoScopes.DOMAIN_CREATE, body, "domain_record",
        DomainRecord.class);
  }

  /** Points an A record at {@code ip}. */
  public DomainRecord pointA(String domain, long id, String ip) {
    return api.patchOne("/v2/domains/" + seg(domain) + "/records/" + id, DoScopes.DOMAIN_UPDATE,
        Map.of("type", "A", "data", ip), "domain_record", DomainRecord.class);
  }

  public void deleteRecord(String domain, long id) {
    api.delete("/v2/domains/" + seg(domain) + "/records/" + id, DoScopes.DOMAIN_DELETE);
  }
}
