package io.hostk8s.dev.testbed.controller;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.testbed.image.ImagePuller;
import io.hostk8s.dev.testbed.kubelet.PodRuntime;
import io.hostk8s.dev.testbed.kubelet.PrivateArea;
import io.hostk8s.dev.testbed.net.EnvRewriter;
import io.hostk8s.dev.testbed.net.FreePorts;
import io.hostk8s.dev.testbed.net.ServiceLookup;
import io.hostk8s.dev.testbed.recipes.HostEnv;
import io.hostk8s.dev.testbed.recipes.LaunchPlan;
import io.hostk8s.dev.testbed.recipes.RecipeContext;
import io.hostk8s.dev.testbed.recipes.Recipes;
import io.hostk8s.dev.testbed.recipes.Requirement;
import io.hostk8s.dev.testbed.recipes.RequirementChecker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Turns a Pod into a started {@link PodRuntime}: ports, recipe, environment, mounts — unless the recipe's
 * requirements are unmet on this host: then no process starts and the container waits with
 * {@value #CONFIG_ERROR}, naming what is missing and the fix, re-checked every {@value #RECHECK_SECONDS} s.
 */
final class PodLauncher {

  static final String CONFIG_ERROR = "CreateContainerConfigError";
  static final long RECHECK_SECONDS = 5;
  private static final Logger LOG = Logger.getLogger(PodLauncher.class.getName());
  private static final RequirementChecker CHECKER = new RequirementChecker(Duration.ofMinutes(5));

  private final KubernetesClient client;
  private final Recipes recipes;
  private final ServiceLookup services;
  private final Path workspace;
  private final Path podsDir;
  private final PrivateArea privateArea;
  private final ImageSeeds imageSeeds;

  PodLauncher(KubernetesClient client, Recipes recipes, ServiceLookup services, Path workspace, Path podsDir,
      PrivateArea privateArea, Optional<ImagePuller> images) {
    this.client = client;
    this.recipes = recipes;
    this.services = services;
    this.workspace = workspace;
    this.podsDir = podsDir;
    this.privateArea = privateArea;
    this.imageSeeds = new ImageSeeds(images);
  }

  /** Starts the pod's first container; on failure records why in {@code rec} and returns null. */
  PodRuntime launch(Pod pod, ContainerRecord rec) {
    String ns = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    Container c = pod.getSpec().getContainers().get(0);
    Path root = podsDir.resolve(ns).resolve(name).resolve("root");
    Map<Integer, Integer> ports = new LinkedHashMap<>();
    for (ContainerPort p : c.getPorts()) {
      ports.put(p.getContainerPort(), FreePorts.allocate());
    }
    try {
      String uid = pod.getMetadata().getUid();
      Map<String, Path> claims = ClaimMounts.resolve(client, pod, c);
      Optional<LaunchPlan> planned = recipes.plan(new RecipeContext(pod, c, workspace, root, ports,
          cp -> ClaimMounts.under(claims, cp).orElseGet(() -> privateDir(uid, root, cp))));
      if (planned.isEmpty()) {
        rec.waitingReason = "ErrImageNeverPull";
        rec.waitingMessage = "no sandbox recipe for image " + c.getImage() + " (and no command)";
        LOG.warning(() -> name + ": " + rec.waitingMessage);
        return null;
      }
      LaunchPlan plan = planned.get();
      EnvRewriter rewriter = new EnvRewriter(services);
      Map<String, String> env = PodEnv.base();
      env.put("HOSTNAME", name);
      env.putAll(rewriter.rewrite(PodEnv.of(client, pod, c), ns));
      env.putAll(plan.env());
      if (PodEnv.rewriteJdwp(env, ports)) {
        env.remove("JDWP_PORT");
      }
      if (!requirementsMet(plan, env, name, rec) || !imageSeeds.ready(c.getImage(), plan, rec, ns + "/" + name)) {
        return null;
      }
      HttpReadiness.apply(c, ports, plan);
      if (plan.workingDir() == null && c.getWorkingDir() != null) {
        plan.workingDir(c.getWorkingDir());
      }
      if (c.getWorkingDir() != null && !plan.mounts().containsKey(c.getWorkingDir())) {
        plan.mount(c.getWorkingDir(), root.resolve(c.getWorkingDir().substring(1)));
      }
      plan.mounts().putAll(claims);
      for (VolumeMount vm : c.getVolumeMounts()) {
        plan.mounts().putIfAbsent(vm.getMountPath(), root.resolve(vm.getMountPath().substring(1)));
      }
      PodRuntime rt = new PodRuntime(ns, name, pod.getMetadata().getUid(), root, plan, env, ports,
          rewriter.unresolved());
      rt.start();
      rec.waitingReason = null;
      rec.waitingMessage = null;
      return rt;
    } catch (ClaimMounts.Pending e) {
      if (!e.getMessage().equals(rec.waitingMessage)) {
        LOG.info(() -> "not starting " + ns + "/" + name + " yet: " + e.getMessage());
      }
      rec.waitingReason = ClaimMounts.PENDING_REASON;
      rec.waitingMessage = e.getMessage();
      rec.recheckAt = Instant.now().plusSeconds(1);
      return null;
    } catch (Exception e) {
      LOG.log(Level.WARNING, "cannot start pod " + ns + "/" + name, e);
      rec.waitingReason = "CreateContainerError";
      rec.waitingMessage = String.valueOf(e.getMessage());
      return null;
    }
  }

  private boolean requirementsMet(LaunchPlan plan, Map<String, String> env, String pod, ContainerRecord rec) {
    List<Requirement.Unmet> unmet = CHECKER.unmet(plan.requirements(), new HostEnv(workspace, env));
    if (unmet.isEmpty()) {
      return true;
    }
    String message = "missing on this host: " + unmet.stream().map(u -> u.what() + " (fix: " + u.fix() + ")")
        .collect(Collectors.joining("; ")) + "; `make setup` in " + workspace + " installs all of it; re-checked"
        + " every " + RECHECK_SECONDS + " s";
    if (!message.equals(rec.waitingMessage)) {
      LOG.warning(() -> "not starting " + pod + ": " + message);
    }
    rec.waitingReason = CONFIG_ERROR;
    rec.waitingMessage = message;
    rec.recheckAt = Instant.now().plusSeconds(RECHECK_SECONDS);
    return false;
  }

  private Path privateDir(String uid, Path root, String containerPath) {
    try {
      return privateArea.link(uid, root.resolve(containerPath.replaceFirst("^/+", "")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the private dir for " + containerPath + ": " + e.getMessage(), e);
    }
  }
}
