package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /v2/domains/{d}/records}: list with {@code type} and {@code name} (fully qualified) filters, create
 * ({@code name} relative, {@code @} for the apex), get, patch, put, delete. Record ids are integers.
 */
final class RecordRoutes {

  private static final String RECORDS = "/v2/domains/{domain_name}/records";
  private static final String RECORD = RECORDS + "/{domain_record_id}";

  private final Account account;
  private final Pages pages;

  RecordRoutes(Account account, Pages pages) {
    this.account = account;
    this.pages = pages;
  }

  void register(Router r) {
    r.add("GET", RECORDS, this::list)
        .add("POST", RECORDS, this::create)
        .add("GET", RECORD, req -> ApiResponse.ok(Json.wrap("domain_record",
            account.locked(() -> record(req).toJson()))))
        .add("PATCH", RECORD, this::update)
        .add("PUT", RECORD, this::update)
        .add("DELETE", RECORD, req -> {
          account.locked(() -> {
            DomainRecord rec = record(req);
            DomainRoutes.domain(account, req).records.remove(rec);
          });
          return ApiResponse.noContent();
        });
  }

  private ApiResponse list(ApiRequest req) {
    Optional<String> type = req.queryParam("type").map(t -> t.toUpperCase(Locale.ROOT));
    Optional<String> name = req.queryParam("name").map(n -> stripDot(n.toLowerCase(Locale.ROOT)));
    List<ObjectNode> out = account.locked(() -> {
      Domain d = DomainRoutes.domain(account, req);
      return d.records.stream().filter(rec -> type.map(t -> t.equals(rec.type)).orElse(true))
          .filter(rec -> name.map(n -> n.equals(d.fqdn(rec.name))).orElse(true))
          .map(DomainRecord::toJson).toList();
    });
    return ApiResponse.ok(pages.list(req, "domain_records", out));
  }

  private ApiResponse create(ApiRequest req) {
    JsonNode body = req.body();
    String type = type(body);
    ObjectNode json = account.locked(() -> {
      Domain d = DomainRoutes.domain(account, req);
      String name = relativeName(d, Json.text(body, "name", "SOA".equals(type) ? "@" : null));
      if (name == null) {
        throw ApiException.unprocessable("Name is required");
      }
      DomainRecord rec = new DomainRecord(account.nextRecordId(), type, name, Json.text(body, "data", null));
      apply(rec, body);
      validate(rec);
      d.records.add(rec);
      return rec.toJson();
    });
    return ApiResponse.created(Json.wrap("domain_record", json));
  }

  private ApiResponse update(ApiRequest req) {
    JsonNode body = req.body();
    String type = type(body);
    ObjectNode json = account.locked(() -> {
      Domain d = DomainRoutes.domain(account, req);
      DomainRecord rec = record(req);
      if (!type.equals(rec.type)) {
        throw ApiException.unprocessable("Type can not be changed");
      }
      if (body.hasNonNull("name")) {
        rec.name = relativeName(d, body.get("name").asText());
      }
      if (body.hasNonNull("data")) {
        rec.data = body.get("data").asText();
      }
      apply(rec, body);
      validate(rec);
      return rec.toJson();
    });
    return ApiResponse.ok(Json.wrap("domain_record", json));
  }

  private DomainRecord record(ApiRequest req) {
    Domain d = DomainRoutes.domain(account, req);
    int id;
    try {
      id = Integer.parseInt(req.param("domain_record_id"));
    } catch (NumberFormatException e) {
      throw ApiException.notFound();
    }
    return d.records.stream().filter(r -> r.id == id).findFirst().orElseThrow(ApiException::notFound);
  }

  private static String type(JsonNode body) {
    String type = Json.requiredText(body, "type").toUpperCase(Locale.ROOT);
    if (!DomainRoutes.recordTypes().contains(type)) {
      throw ApiException.unprocessable("Type is invalid");
    }
    return type;
  }

  /** DigitalOcean accepts a relative name, {@code @}, or the FQDN of a name in the zone; stores it relative. */
  private static String relativeName(Domain d, String name) {
    if (name == null) {
      return null;
    }
    String n = stripDot(name.toLowerCase(Locale.ROOT));
    if (n.equals(d.name) || n.isEmpty()) {
      return "@";
    }
    return n.endsWith("." + d.name) ? n.substring(0, n.length() - d.name.length() - 1) : n;
  }

  private static String stripDot(String n) {
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  private static void apply(DomainRecord rec, JsonNode body) {
    if (body.hasNonNull("ttl")) {
      rec.ttl = body.get("ttl").asInt();
    }
    if (body.has("priority")) {
      rec.priority = body.get("priority").isNull() ? null : body.get("priority").asInt();
    }
    if (body.has("port")) {
      rec.port = body.get("port").isNull() ? null : body.get("port").asInt();
    }
    if (body.has("weight")) {
      rec.weight = body.get("weight").isNull() ? null : body.get("weight").asInt();
    }
    if (body.has("flags")) {
      rec.flags = body.get("flags").isNull() ? null : body.get("flags").asInt();
    }
    if (body.has("tag")) {
      rec.tag = body.get("tag").isNull() ? null : body.get("tag").asText();
    }
  }

  private static void validate(DomainRecord rec) {
    if (rec.data == null || rec.data.isBlank()) {
      throw ApiException.unprocessable("Data is required");
    }
    if ("A".equals(rec.type) && !DomainRoutes.IPV4.matcher(rec.data).matches()) {
      throw ApiException.unprocessable("Data is invalid");
    }
    if (rec.ttl < 30) {
      throw ApiException.unprocessable("Ttl must be at least 30");
    }
  }
}
