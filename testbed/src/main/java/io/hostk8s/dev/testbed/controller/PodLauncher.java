package io.hostk8s.dev.testbed.controller;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.testbed.kubelet.PodRuntime;
import io.hostk8s.dev.testbed.net.EnvRewriter;
import io.hostk8s.dev.testbed.net.FreePorts;
import io.hostk8s.dev.testbed.net.ServiceLookup;
import io.hostk8s.dev.testbed.recipes.LaunchPlan;
import io.hostk8s.dev.testbed.recipes.RecipeContext;
import io.hostk8s.dev.testbed.recipes.Recipes;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns a Pod into a started {@link PodRuntime}: ports, recipe, environment, mounts. */
final class PodLauncher {

  private static final Logger LOG = Logger.getLogger(PodLauncher.class.getName());

  private final KubernetesClient client;
  private final Recipes recipes;
  private final ServiceLookup services;
  private final Path workspace;
  private final Path podsDir;

  PodLauncher(KubernetesClient client, Recipes recipes, ServiceLookup services, Path workspace, Path podsDir) {
    this.client = client;
    this.recipes = recipes;
    this.services = services;
    this.workspace = workspace;
    this.podsDir = podsDir;
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
      Optional<LaunchPlan> planned = recipes.plan(new RecipeContext(pod, c, workspace, root, ports));
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
      HttpReadiness.apply(c, ports, plan);
      if (plan.workingDir() == null && c.getWorkingDir() != null) {
        plan.workingDir(c.getWorkingDir());
      }
      if (c.getWorkingDir() != null && !plan.mounts().containsKey(c.getWorkingDir())) {
        plan.mount(c.getWorkingDir(), root.resolve(c.getWorkingDir().substring(1)));
      }
      for (VolumeMount vm : c.getVolumeMounts()) {
        plan.mounts().putIfAbsent(vm.getMountPath(), root.resolve(vm.getMountPath().substring(1)));
      }
      PodRuntime rt = new PodRuntime(ns, name, pod.getMetadata().getUid(), root, plan, env, ports,
          rewriter.unresolved());
      rt.start();
      return rt;
    } catch (Exception e) {
      LOG.log(Level.WARNING, "cannot start pod " + ns + "/" + name, e);
      rec.waitingReason = "CreateContainerError";
      rec.waitingMessage = String.valueOf(e.getMessage());
      return null;
    }
  }
}
