package io.hostk8s.dev.config;

import io.hostk8s.dev.config.ConfigProblem.Severity;
import io.hostk8s.dev.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that need the file system: paths that leave the workspace (those values are replaced by the defaults),
 * missing context / manifests directories, sync sources outside the context (those rules are dropped),
 * duplicate debug local ports and a missing Dockerfile. Problems about values that are not in the file carry
 * no position.
 */
final class WorkspaceChecks {
  private final Path workspace;
  private final YamlDocument doc;
  private final List<ConfigProblem> problems = new ArrayList<>();

  private WorkspaceChecks(Path workspace, YamlDocument doc) {
    this.workspace = workspace;
    this.doc = doc;
  }

  /** Returns the config with unsafe values replaced, and adds the problems found to {@code out}. */
  static DevConfig check(Path workspace, YamlDocument doc, DevConfig config, List<ConfigProblem> out) {
    WorkspaceChecks checks = new WorkspaceChecks(workspace, doc);
    DevConfig checked = checks.run(config);
    out.addAll(checks.problems);
    return checked;
  }

  private DevConfig run(DevConfig config) {
    Map<String, ServiceConfig> services = new LinkedHashMap<>();
    Map<Integer, String> localPorts = new HashMap<>();
    config.services().forEach((name, service) -> services.put(name, checkService(name, service, localPorts)));
    DeployConfig deploy = new DeployConfig(checkManifests(config.deploy().manifests()));
    EnvironmentChecks.check(config.environments(), this::report);
    return new DevConfig(config.cluster(), config.registry(), config.namespace(), services, deploy, config.cloud(),
        config.environments());
  }

  private String checkManifests(String manifests) {
    String path = "deploy.manifests";
    Optional<Path> dir = WorkspacePaths.inside(workspace, manifests);
    if (dir.isEmpty()) {
      report(Severity.ERROR, ErrorCode.CONFIG_PATH_ESCAPES, path, "deploy.manifests '" + manifests + "' leaves the workspace; using the default");
      manifests = Defaults.votingApp().deploy().manifests();
      dir = WorkspacePaths.inside(workspace, manifests);
    }
    if (dir.isPresent() && !Files.isDirectory(dir.get())) {
      report(Severity.ERROR, ErrorCode.CONFIG_MANIFESTS_MISSING, path, "Manifests directory '" + manifests + "' does not exist");
    }
    return manifests;
  }

  private ServiceConfig checkService(String name, ServiceConfig s, Map<Integer, String> localPorts) {
    String base = "services." + name;
    String context = s.context();
    Optional<Path> dir = WorkspacePaths.inside(workspace, context);
    boolean escaped = dir.isEmpty();
    if (escaped) {
      report(Severity.ERROR, ErrorCode.CONFIG_PATH_ESCAPES, base + ".context", "Service '" + name + "': context '" + context
          + "' leaves the workspace");
      ServiceConfig fallback = Defaults.votingApp().services().get(name);
      context = fallback != null ? fallback.context() : name;
      dir = WorkspacePaths.inside(workspace, context);
    }
    boolean exists = dir.isPresent() && Files.isDirectory(dir.get());
    if (!exists && !escaped) {
      report(Severity.ERROR, ErrorCode.CONFIG_CONTEXT_MISSING, base + ".context", "Service '" + name + "': context directory '"
          + context + "' does not exist");
    } else if (exists && WorkspacePaths.inside(dir.get(), s.dockerfile()).map(f -> !Files.isRegularFile(f)).orElse(true)) {
      report(Severity.WARNING, ErrorCode.CONFIG_DOCKERFILE_MISSING, base + ".dockerfile", "Service '" + name + "': no '"
          + s.dockerfile() + "' in " + context);
    }
    List<SyncRule> sync = new ArrayList<>();
    for (int i = 0; i < s.sync().size(); i++) {
      SyncRule rule = s.sync().get(i);
      Path ctx = workspace.resolve(context);
      if (WorkspacePaths.inside(ctx, rule.from()).isEmpty()) {
        report(Severity.ERROR, ErrorCode.CONFIG_SYNC_OUTSIDE_CONTEXT, base + ".sync[" + i + "].from", "Service '" + name
            + "': sync source '" + rule.from() + "' is outside the context '" + context + "'; rule ignored");
      } else {
        sync.add(rule);
      }
    }
    if (s.debug() != null && s.debug().localPort() != null) {
      String other = localPorts.putIfAbsent(s.debug().localPort(), name);
      if (other != null) {
        report(Severity.ERROR, ErrorCode.CONFIG_DUPLICATE_LOCAL_PORT, base + ".debug.localPort", "Debug local port "
            + s.debug().localPort() + " is already used by service '" + other + "'");
      }
    }
    return new ServiceConfig(context, s.dockerfile(), s.image(), s.selector(), s.container(), sync, s.debug(), s.afterSync(), s.local());
  }

  private void report(Severity severity, ErrorCode code, String path, String message) {
    problems.add(ConfigProblem.at(severity, code, path, locate(path), message));
  }

  /** A position only when the value (or its service / section) is written in the file. */
  private Span locate(String path) {
    List<String> parts = List.of(path.split("\\."));
    String anchor = parts.get(0).equals("services") && parts.size() > 1 ? parts.get(0) + "." + parts.get(1) : parts.get(0);
    return doc.keySpan(anchor).known() ? doc.spanFor(path) : Span.UNKNOWN;
  }
}
