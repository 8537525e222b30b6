package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DigitalOcean pagination: {@code page}/{@code per_page} (default from the options, at most 200), absolute
 * {@code links.pages.{first,prev,next,last}} where meaningful, {@code meta.total}.
 */
final class Pages {

  static final int MAX_PER_PAGE = 200;

  private final int defaultPageSize;

  Pages(int defaultPageSize) {
    this.defaultPageSize = defaultPageSize;
  }

  /** {@code {"<key>": [page of items], "links": {...}, "meta": {"total": n}}}. */
  ObjectNode list(ApiRequest req, String key, List<? extends JsonNode> items) {
    int perPage = intParam(req, "per_page", defaultPageSize);
    if (perPage > MAX_PER_PAGE) {
      perPage = MAX_PER_PAGE;
    }
    int page = intParam(req, "page", 1);
    int total = items.size();
    int last = Math.max(1, (total + perPage - 1) / perPage);
    int from = Math.min(total, (page - 1) * perPage);
    int to = Math.min(total, from + perPage);
    ObjectNode out = Json.object();
    out.set(key, Json.array(items.subList(from, to)));
    ObjectNode pages = Json.object();
    if (page > 1) {
      pages.put("first", link(req, 1, perPage));
      pages.put("prev", link(req, Math.min(page - 1, last), perPage));
    }
    if (page < last) {
      pages.put("last", link(req, last, perPage));
      pages.put("next", link(req, page + 1, perPage));
    }
    ObjectNode links = Json.object();
    if (!pages.isEmpty()) {
      links.set("pages", pages);
    }
    out.set("links", links);
    out.set("meta", Json.object().put("total", total));
    return out;
  }

  private static int intParam(ApiRequest req, String name, int fallback) {
    String v = req.query().get(name);
    if (v == null || v.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < 1) {
        throw ApiException.badRequest(name + " must be at least 1");
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be an integer");
    }
  }

  private static String link(ApiRequest req, int page, int perPage) {
    Map<String, String> q = new TreeMap<>(req.query());
    q.put("page", String.valueOf(page));
    q.put("per_page", String.valueOf(perPage));
    StringBuilder sb = new StringBuilder(req.origin()).append(req.path());
    char sep = '?';
    for (Map.Entry<String, String> e : q.entrySet()) {
      sb.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return sb.toString();
  }
}
