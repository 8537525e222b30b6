package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.build.BuildMode;
import io.hostk8s.dev.build.BuildOptions;
import io.hostk8s.dev.build.BuildReport;
import io.hostk8s.dev.build.BuildResult;
import io.hostk8s.dev.build.BuildService;
import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.BuildArgs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code hostk8s.build}: builds the dev image of one service ({@code service}) or of every service with a build, and
 * pushes each to the registry of hostk8s.dev.yaml ({@code registry.push}) under its content tag; {@code noPush} keeps
 * Dockerfile images in the Docker daemon and Jib images in a tar. Progress per service, cancellable between and during
 * builds, one {@code build.image} event per image. Services without a build (no pom.xml, no Dockerfile) are skipped
 * with a note when building all, and an error (NOTHING_TO_BUILD) when named. Against the sandbox test bed the images
 * are built and pushed all the same (they go to the registry, not the cluster), and the result says the sandbox does
 * not run them; a missing daemon or registry there says the sandbox needs no images.
 */
public final class BuildCommand implements Command {
  /** The result's note against the sandbox. */
  public static final String SANDBOX_NOTE = "the sandbox test bed runs each service from its recipe (voting-app/run-local.sh), not from "
      + "these images: they are in the registry for a real cluster (hostk8s-dev up against Kind deploys them)";
  private static final Set<ErrorCode> NO_BUILDER = Set.of(ErrorCode.DOCKER_UNREACHABLE, ErrorCode.REGISTRY_UNREACHABLE);
  private final BuildService builds = new BuildService();

  @Override
  public String id() {
    return CommandIds.BUILD;
  }

  @Override
  public String title() {
    return "Build the images of one or every service and push them to the cluster's registry";
  }

  @Override
  public boolean longRunning() {
    return true;
  }

  @Override
  public String category() {
    return "Build";
  }

  @Override
  public Class<? extends Record> arguments() {
    return BuildArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("Build: {summary}").withLines("lines");
  }

  @Override
  public Object run(CommandContext ctx) {
    EngineServices engine = ctx.engine();
    // the Docker and registry of the front end that asked (a terminal while dev owns the engine), not the owner's
    Workspace ws = engine.workspace().forCaller(ctx.args().callerEnv());
    BuildArgs a = ctx.args().as(BuildArgs.class);
    boolean push = !Boolean.TRUE.equals(a.noPush());
    BuildOptions options = BuildOptions.kind(BuildMode.DEV).withPush(push);
    Map<String, String> skipped = new LinkedHashMap<>();
    List<String> services = select(ws, a.service(), options, skipped);
    boolean sandbox = UpCommand.isSandbox(ws);
    String registry = ws.config().config().registry() == null ? null : ws.config().config().registry().push();
    Progress p = ctx.progress();
    p.begin("HostK8s: build" + (a.service() == null ? "" : " " + a.service()));
    engine.status().update(s -> s.withBusy("build"));
    try {
      List<BuildReport.Image> images = new ArrayList<>();
      for (int i = 0; i < services.size(); i++) {
        p.checkCancelled();
        String service = services.get(i);
        int from = i * 100 / services.size();
        int to = (i + 1) * 100 / services.size();
        p.report(service + " (" + (i + 1) + "/" + services.size() + ")", from);
        BuildResult r = builds.build(ws, service, options, Progress.phase(p, from, to), line -> { });
        BuildReport.Image image = BuildReport.Image.of(r, push, BuildService.localTar(ws, r.image()));
        images.add(image);
        engine.events().publish(HostK8sEvent.of("build.image", service, image.where() + ": " + image.image()));
        p.report(image.line(), to);
      }
      List<String> skippedLines = skipped.entrySet().stream().map(e -> e.getKey() + ": skipped — " + e.getValue()).toList();
      List<String> lines = new ArrayList<>(images.stream().map(BuildReport.Image::line).toList());
      lines.addAll(skippedLines);
      String summary = BuildReport.summarize(images, skippedLines, push, registry);
      p.end(summary);
      return new BuildReport(registry, push, sandbox ? "sandbox" : "cluster", images, skippedLines, lines,
          sandbox ? SANDBOX_NOTE : null, summary);
    } catch (HostK8sException e) {
      p.end("build failed: " + firstLine(e));
      throw sandbox && NO_BUILDER.contains(e.code()) ? forSandbox(e) : e;
    } catch (RuntimeException e) {
      p.end("build failed: " + firstLine(e));
      throw e;
    } finally {
      engine.status().update(s -> "build".equals(s.busy()) ? s.withBusy(null) : s);
    }
  }

  /** The services to build: the named one (it must exist and have a build), else every one with a build. */
  static List<String> select(Workspace ws, String service, BuildOptions options, Map<String, String> skipped) {
    Set<String> configured = ws.config().config().services().keySet();
    if (service != null && !service.isBlank()) {
      if (!configured.contains(service)) {
        throw HostK8sException.user(ErrorCode.UNKNOWN_SERVICE, "Unknown service '" + service + "': hostk8s.dev.yaml has no such service.",
            "Configured services: " + String.join(", ", configured) + ". Build one of them by name, or all without one "
                + "(hostk8s-dev build).");
      }
      Optional<String> none = BuildService.noRecipe(ws, service, options);
      if (none.isPresent()) {
        throw HostK8sException.user(ErrorCode.NOTHING_TO_BUILD, "Service '" + service + "' has nothing to build: " + none.get() + ".",
            "Its pods run an image built elsewhere (set services." + service + ".context/dockerfile in hostk8s.dev.yaml to build "
                + "one); services with a build: " + String.join(", ", buildable(ws, options)) + ".");
      }
      return List.of(service);
    }
    List<String> out = new ArrayList<>();
    for (String name : configured) {
      BuildService.noRecipe(ws, name, options).ifPresentOrElse(why -> skipped.put(name, why), () -> out.add(name));
    }
    return out;
  }

  private static List<String> buildable(Workspace ws, BuildOptions options) {
    return ws.config().config().services().keySet().stream().filter(n -> BuildService.noRecipe(ws, n, options).isEmpty()).toList();
  }

  /** No daemon or registry while the workspace targets the sandbox: the sandbox itself needs neither. */
  private static HostK8sException forSandbox(HostK8sException e) {
    List<String> suggestions = new ArrayList<>(e.suggestions());
    suggestions.add("This workspace targets the sandbox test bed, which needs no images: it runs each service from its recipe "
        + "(hostk8s-dev up --sandbox). Build images for a real cluster (Docker or Podman's DOCKER_HOST, and its registry).");
    return new HostK8sException(e.code(), e.getMessage(), suggestions, e.userError(), e);
  }

  private static String firstLine(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
  }
}
