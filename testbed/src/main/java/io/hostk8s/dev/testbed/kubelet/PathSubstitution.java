package io.hostk8s.dev.testbed.kubelet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fallback when no mount namespace is available: rewrites container path prefixes to their host dirs. */
final class PathSubstitution {

  private final List<Map.Entry<Pattern, String>> rules = new ArrayList<>();

  PathSubstitution(Map<String, Path> mounts) {
    mounts.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, Path> e) -> e.getKey().length()).reversed())
        .forEach(e -> rules.add(Map.entry(
            Pattern.compile("(?<![\\w./-])" + Pattern.quote(e.getKey()) + "(?=$|[/\\s'\";:=])"),
            Matcher.quoteReplacement(e.getValue().toString()))));
  }

  String apply(String value) {
    String out = value;
    for (Map.Entry<Pattern, String> r : rules) {
      out = r.getKey().matcher(out).replaceAll(r.getValue());
    }
    return out;
  }
}
