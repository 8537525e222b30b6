package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code /v2/domains}: list, create (with an optional apex A record), get, delete. */
final class DomainRoutes {

  static final Pattern IPV4 = Pattern.compile(
      "^((25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\\.){3}(25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)$");
  private static final Pattern DOMAIN = Pattern.compile("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$");

  private final Account account;
  private final Pages pages;

  DomainRoutes(Account account, Pages pages) {
    this.account = account;
    this.pages = pages;
  }

  void register(Router r) {
    r.add("GET", "/v2/domains", req -> ApiResponse.ok(pages.list(req, "domains",
            account.locked(() -> account.domains.values().stream().map(Domain::toJson).toList()))))
        .add("POST", "/v2/domains", this::create)
        .add("GET", "/v2/domains/{domain_name}", req -> ApiResponse.ok(Json.wrap("domain",
            account.locked(() -> domain(account, req).toJson()))))
        .add("DELETE", "/v2/domains/{domain_name}", req -> {
          account.locked(() -> account.domains.remove(domain(account, req).name));
          return ApiResponse.noContent();
        });
  }

  static Domain domain(Account account, ApiRequest req) {
    return Optional.ofNullable(account.domains.get(req.param("domain_name").toLowerCase(java.util.Locale.ROOT)))
        .orElseThrow(ApiException::notFound);
  }

  private ApiResponse create(ApiRequest req) {
    String name = Json.requiredText(req.body(), "name").toLowerCase(java.util.Locale.ROOT);
    if (!DOMAIN.matcher(name).matches()) {
      throw ApiException.unprocessable("Name is invalid");
    }
    String ip = Json.text(req.body(), "ip_address", null);
    if (ip != null && !IPV4.matcher(ip).matches()) {
      throw ApiException.unprocessable("Ip address is invalid");
    }
    ObjectNode json = account.locked(() -> {
      if (account.domains.containsKey(name)) {
        throw ApiException.unprocessable("Name already in use");
      }
      Domain d = new Domain(name);
      DomainRecord soa = new DomainRecord(account.nextRecordId(), "SOA", "@", "1800");
      d.records.add(soa);
      for (String ns : Domain.nameServers()) {
        d.records.add(new DomainRecord(account.nextRecordId(), "NS", "@", ns));
      }
      if (ip != null) {
        d.records.add(new DomainRecord(account.nextRecordId(), "A", "@", ip));
      }
      account.domains.put(name, d);
      return d.toJson();
    });
    return ApiResponse.created(Json.wrap("domain", json));
  }

  static List<String> recordTypes() {
    return List.of("A", "AAAA", "CAA", "CNAME", "MX", "NS", "SOA", "SRV", "TXT");
  }
}
