package io.hostk8s.dev.sync;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code X-Dev-Reload: gen=N; age-ms=A; detect-ms=D; load-ms=L} header of an app that reloads in place (vote's
 * devserver.py): how long ago the code that answered was put in place. An answer received at {@code t} with age
 * {@code A} comes from code loaded at {@code t - A} (pod and host clocks need not agree: only a duration crosses).
 */
record ReloadHeader(int generation, long ageMs) {
  static final String NAME = "X-Dev-Reload";
  private static final Pattern GEN = Pattern.compile("(?:^|;)\\s*gen=(\\d+)");
  private static final Pattern AGE = Pattern.compile("(?:^|;)\\s*age-ms=(\\d+)");

  static Optional<ReloadHeader> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    Matcher gen = GEN.matcher(value);
    Matcher age = AGE.matcher(value);
    if (!gen.find() || !age.find()) {
      return Optional.empty();
    }
    return Optional.of(new ReloadHeader(Integer.parseInt(gen.group(1)), Long.parseLong(age.group(1))));
  }

  /** When (host clock) the answering code was loaded, given when the answer arrived. */
  long loadedAt(long receivedAtMillis) {
    return receivedAtMillis - ageMs;
  }
}
