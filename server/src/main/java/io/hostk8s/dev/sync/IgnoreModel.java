package io.hostk8s.dev.sync;

import io.hostk8s.dev.build.DockerIgnore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one ignore model of a sync rule. Three layers, the later one deciding when it has an opinion: built-in editor
 * and VCS litter ({@link #BUILT_IN}), the context's {@code .dockerignore} (Docker semantics, relative to the
 * context — the same matcher the image build uses), then the rule's {@code ignore} list (gitignore semantics,
 * relative to the rule's {@code from}). Inside a layer the last matching pattern wins; with gitignore semantics a
 * path below an ignored directory stays ignored. {@link #decide} says which file, line and pattern decided.
 */
public final class IgnoreModel {
  /** Never synced unless re-included: VCS dirs and editor temp/backup files. */
  public static final List<String> BUILT_IN = List.of(".git/", ".hg/", ".svn/", "*.swp", "*.swx", "*~", ".#*", "4913", ".DS_Store");

  private final List<GitIgnoreRule> builtIn;
  private final DockerIgnore docker;
  private final String dockerSource;
  private final List<GitIgnoreRule> config;
  private final List<Integer> configIndex;
  private final String configSource;
  private final String fromPrefix;

  private IgnoreModel(List<GitIgnoreRule> builtIn, DockerIgnore docker, String dockerSource, List<GitIgnoreRule> config,
      List<Integer> configIndex, String configSource, String fromPrefix) {
    this.builtIn = builtIn;
    this.docker = docker;
    this.dockerSource = dockerSource;
    this.config = config;
    this.configIndex = configIndex;
    this.configSource = configSource;
    this.fromPrefix = fromPrefix;
  }

  /**
   * The model of one rule: {@code context}'s .dockerignore (labelled {@code dockerSource}), the rule's {@code ignore}
   * patterns (labelled {@code configSource}), and {@code from} = the rule's directory relative to the context.
   */
  public static IgnoreModel load(Path context, String from, List<String> ignore, String dockerSource, String configSource)
      throws IOException {
    return of(DockerIgnore.load(context), from, ignore, dockerSource, configSource);
  }

  public static IgnoreModel of(DockerIgnore docker, String from, List<String> ignore, String dockerSource, String configSource) {
    List<GitIgnoreRule> builtIn = new ArrayList<>();
    BUILT_IN.forEach(p -> GitIgnoreRule.parse(p).ifPresent(builtIn::add));
    List<GitIgnoreRule> config = new ArrayList<>();
    List<Integer> index = new ArrayList<>();
    for (int i = 0; i < ignore.size(); i++) {
      int at = i;
      GitIgnoreRule.parse(ignore.get(i)).ifPresent(r -> {
        config.add(r);
        index.add(at);
      });
    }
    String cleaned = DockerIgnore.clean(from == null ? "" : from);
    return new IgnoreModel(List.copyOf(builtIn), docker, dockerSource, List.copyOf(config), List.copyOf(index), configSource,
        cleaned.isEmpty() ? "" : cleaned + "/");
  }

  /** The decision for a path relative to the rule's {@code from} ({@code /}-separated), a directory or not. */
  public IgnoreDecision decide(String relativePath, boolean directory) {
    Optional<IgnoreDecision> fromConfig = gitDecide(config, relativePath, directory, configSource, true);
    if (fromConfig.isPresent()) {
      return fromConfig.get();
    }
    Optional<DockerIgnore.Match> d = docker.decide(fromPrefix + relativePath);
    if (d.isPresent()) {
      return new IgnoreDecision(!d.get().exception(), dockerSource, d.get().line(), d.get().pattern(), null);
    }
    return gitDecide(builtIn, relativePath, directory, "built-in", false).orElse(IgnoreDecision.NO_RULE);
  }

  public boolean ignored(String relativePath, boolean directory) {
    return decide(relativePath, directory).ignored();
  }

  /**
   * May the watcher and the pod listing skip this whole directory? Only when it is ignored and nothing below it can
   * be re-included (no {@code !} in .dockerignore nor in the rule's list).
   */
  public boolean prunable(String relativeDir) {
    IgnoreDecision d = decide(relativeDir, true);
    if (!d.ignored()) {
      return false;
    }
    boolean configNegates = config.stream().anyMatch(GitIgnoreRule::negated);
    return !configNegates && !docker.hasExceptions();
  }

  /**
   * Directory names a pod listing may skip ({@code find -name … -prune}): unanchored, non-negated patterns of the
   * rule's list (when it has no {@code !}) and of the built-ins (when nothing can re-include at all).
   */
  public java.util.List<String> pruneNames() {
    boolean configNegates = config.stream().anyMatch(GitIgnoreRule::negated);
    if (configNegates) {
      return java.util.List.of();
    }
    java.util.List<String> names = new ArrayList<>();
    java.util.List<GitIgnoreRule> candidates = new ArrayList<>(config);
    if (!docker.hasExceptions()) {
      candidates.addAll(builtIn);
    }
    for (GitIgnoreRule r : candidates) {
      String name = r.text().replaceAll("/+$", "");
      if (!r.negated() && !name.contains("/") && !name.contains("\\") && !name.startsWith("!") && !name.startsWith("#")) {
        names.add(name);
      }
    }
    return names;
  }

  /** The last matching rule of a gitignore layer, honouring "a path below an ignored directory stays ignored". */
  private Optional<IgnoreDecision> gitDecide(List<GitIgnoreRule> rules, String path, boolean directory, String source, boolean indexed) {
    if (rules.isEmpty()) {
      return Optional.empty();
    }
    String[] parts = path.split("/");
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < parts.length - 1; i++) {
      prefix.append(i == 0 ? "" : "/").append(parts[i]);
      int r = last(rules, prefix.toString(), true);
      if (r >= 0 && !rules.get(r).negated()) {
        return Optional.of(decision(rules, r, source, indexed, "directory " + prefix + "/ is ignored"));
      }
    }
    int r = last(rules, path, directory);
    return r < 0 ? Optional.empty() : Optional.of(decision(rules, r, source, indexed, null));
  }

  private IgnoreDecision decision(List<GitIgnoreRule> rules, int r, String source, boolean indexed, String via) {
    GitIgnoreRule rule = rules.get(r);
    String where = indexed ? source + "[" + configIndex.get(r) + "]" : source;
    return new IgnoreDecision(!rule.negated(), where, null, rule.text(), via);
  }

  private static int last(List<GitIgnoreRule> rules, String path, boolean directory) {
    for (int i = rules.size() - 1; i >= 0; i--) {
      if (rules.get(i).matches(path, directory)) {
        return i;
      }
    }
    return -1;
  }
}
