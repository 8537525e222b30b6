package io.hostk8s.dev.sync;

import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.config.SyncRule;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Resolves a service's sync rules against the workspace into checked {@link SyncSource}s. */
public final class SyncSources {
  private SyncSources() {}

  public static List<SyncSource> of(Path workspace, String service, ServiceConfig config) {
    if (config.sync().isEmpty()) {
      throw HostK8sException.user(ErrorCode.SYNC_NOT_CONFIGURED, "Service '" + service + "' has no sync rules.",
          "Add one under services." + service + ".sync in hostk8s.dev.yaml, e.g. [{from: ., to: /usr/local/app}].");
    }
    Path context = workspace.resolve(config.context()).toAbsolutePath().normalize();
    List<SyncSource> out = new ArrayList<>();
    for (int i = 0; i < config.sync().size(); i++) {
      SyncRule rule = config.sync().get(i);
      Path root = context.resolve(rule.from() == null ? "." : rule.from()).normalize();
      String key = "services." + service + ".sync[" + i + "]";
      if (!root.startsWith(context)) {
        throw HostK8sException.user(ErrorCode.CONFIG_SYNC_OUTSIDE_CONTEXT, key + ".from '" + rule.from() + "' leaves the context " + context + ".",
            "Use a directory inside " + config.context() + ".");
      }
      Optional<String> bad = SyncPaths.checkTarget(rule.to());
      if (bad.isPresent()) {
        throw HostK8sException.user(ErrorCode.SYNC_TARGET_REFUSED, key + ".to: " + bad.get() + ".",
            "Set 'to' to the absolute directory the image copies the code to, e.g. /usr/local/app.");
      }
      String from = context.relativize(root).toString().replace('\\', '/');
      try {
        IgnoreModel model = IgnoreModel.load(context, from, rule.ignore(), relative(workspace, context.resolve(".dockerignore")),
            key + ".ignore");
        out.add(new SyncSource(i, root, rule.to().replaceAll("/+$", ""), model));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static String relative(Path workspace, Path p) {
    Path ws = workspace.toAbsolutePath().normalize();
    return p.startsWith(ws) ? ws.relativize(p).toString().replace('\\', '/') : p.toString();
  }
}
