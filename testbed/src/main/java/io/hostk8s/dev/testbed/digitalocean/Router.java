package io.hostk8s.dev.testbed.digitalocean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Method + path template ({@code /v2/domains/{domain_name}}) → handler. First match wins. */
final class Router {

  /** A request handler; throws {@link ApiException} for DigitalOcean error answers. */
  @FunctionalInterface
  interface Handler {
    ApiResponse handle(ApiRequest request);
  }

  /** A matched route: its template (for request counting) and handler with parameters bound. */
  record Match(String template, Handler handler, Map<String, String> params) {
  }

  private record Route(String method, String template, Pattern pattern, List<String> names, Handler handler) {
  }

  private final List<Route> routes = new ArrayList<>();

  Router add(String method, String template, Handler handler) {
    List<String> names = new ArrayList<>();
    StringBuilder regex = new StringBuilder();
    Matcher m = Pattern.compile("\\{([a-z_]+)}").matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    routes.add(new Route(method, template, Pattern.compile(regex.toString()), names, handler));
    return this;
  }

  /** The route for this method and path; empty when no template matches the path. */
  Optional<Match> match(String method, String path) {
    boolean pathKnown = false;
    for (Route r : routes) {
      Matcher m = r.pattern.matcher(path);
      if (!m.matches()) {
        continue;
      }
      pathKnown = true;
      if (r.method.equals(method)) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < r.names.size(); i++) {
          params.put(r.names.get(i), java.net.URLDecoder.decode(m.group(i + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return Optional.of(new Match(r.template, r.handler, params));
      }
    }
    if (pathKnown) {
      return Optional.of(new Match(method + " " + path, req -> {
        throw new ApiException(405, "method_not_allowed", "Method " + method + " is not allowed on " + path + ".");
      }, Map.of()));
    }
    return Optional.empty();
  }
}
