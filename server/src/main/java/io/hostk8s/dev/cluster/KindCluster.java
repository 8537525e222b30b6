package io.hostk8s.dev.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.config.ConfigLoader;
import io.hostk8s.dev.config.DevConfig;
import io.hostk8s.dev.config.EnvLookup;
import io.hostk8s.dev.core.KubeClients;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.process.ProcessResult;
import io.hostk8s.dev.process.ProcessRunner;
import io.hostk8s.dev.process.ProcessSpec;
import io.hostk8s.dev.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Our own kind cluster in the HostK8s layout, when the workspace is not a HostK8s checkout: preflight (Docker,
 * kind), {@code kind create cluster} with {@link KindConfig} and the configured kubeconfig path (never
 * ~/.kube/config), the {@code hostk8s-registry} container, {@code hosts.toml} on each node, the KEP-1755
 * ConfigMap. Every step is idempotent, so start after a half-finished start completes it.
 */
public final class KindCluster {
  public static final String HOSTS_TOML = "/etc/containerd/certs.d/" + KindConfig.NODE_REGISTRY + "/hosts.toml";
  private final ProcessRunner runner;
  private final Function<Map<String, String>, ClusterDocker> docker;
  private final Function<Path, KubernetesClient> clients;

  public KindCluster(ProcessRunner runner, Function<Map<String, String>, ClusterDocker> docker, Function<Path, KubernetesClient> clients) {
    this.runner = runner;
    this.docker = docker;
    this.clients = clients;
  }

  /** The product's wiring: docker-java and fabric8 clients from the kubeconfig. */
  public static KindCluster standard(ProcessRunner runner) {
    return new KindCluster(runner, DockerJavaClusterDocker::open, kc -> KubeClients.client(KubeClients.config(kc, 5000, 20000)));
  }

  public ClusterResult start(Workspace ws, Progress progress) {
    Path kind = Preflight.forKind(ws);
    DevConfig config = ws.config().config();
    String name = config.cluster().name();
    Path kubeconfig = ws.clusterKubeconfig();
    RegistrySpec registry = RegistrySpec.of(config, ws.root());
    List<String> out = new CopyOnWriteArrayList<>();
    boolean exists = run(ws, out, progress, ErrorCode.CLUSTER_START_FAILED, kind.toString(), "get", "clusters").stream()
        .anyMatch(l -> l.strip().equals(name));
    if (exists) {
      progress.report("kind cluster " + name + " exists; not recreated");
      if (!Files.isRegularFile(kubeconfig)) {
        run(ws, out, progress, ErrorCode.CLUSTER_START_FAILED, kind.toString(), "export", "kubeconfig", "--name", name, "--kubeconfig", kubeconfig.toString());
      }
    } else {
      Path file = writeConfig(ws, name, registry);
      List<String> argv = new ArrayList<>(List.of(kind.toString(), "create", "cluster", "--name", name, "--config", file.toString(),
          "--kubeconfig", kubeconfig.toString()));
      new EnvLookup(ws.env(), ConfigLoader.dotEnv(ws.root())).get("K8S_VERSION").ifPresent(v -> argv.addAll(List.of("--image", "kindest/node:" + v)));
      progress.report("creating kind cluster " + name + " (kubeconfig " + kubeconfig + ")");
      run(ws, out, progress, ErrorCode.CLUSTER_START_FAILED, argv.toArray(String[]::new));
    }
    progress.checkCancelled();
    progress.report("registry " + registry.container() + " at " + registry.pushHost());
    try (ClusterDocker d = docker.apply(ws.env())) {
      d.ensureRegistry(registry, line -> report(out, progress, line));
      List<String> nodes = run(ws, out, progress, ErrorCode.REGISTRY_SETUP_FAILED, kind.toString(), "get", "nodes", "--name", name).stream()
          .map(String::strip).filter(l -> l.matches("[a-z0-9][a-z0-9.-]*")).toList();
      for (String node : nodes) {
        progress.checkCancelled();
        d.writeFile(node, HOSTS_TOML, KindConfig.hostsToml(registry.container(), registry.containerPort()));
        report(out, progress, "wrote " + HOSTS_TOML + " on " + node);
      }
    }
    applyHosting(kubeconfig, registry.pushHost());
    report(out, progress, "published " + RegistryHosting.NAMESPACE + "/" + RegistryHosting.NAME);
    return new ClusterResult("kind", name, kubeconfig.toString(), registry.pushHost(), out,
        "cluster " + name + " running; kubeconfig " + kubeconfig + "; push images to " + registry.pushHost() + " (nodes pull " + KindConfig.NODE_REGISTRY + ")");
  }

  public ClusterResult stop(Workspace ws, Progress progress) {
    Path kind = Preflight.forKind(ws);
    String name = ws.config().config().cluster().name();
    Path kubeconfig = ws.clusterKubeconfig();
    List<String> out = new CopyOnWriteArrayList<>();
    run(ws, out, progress, ErrorCode.CLUSTER_STOP_FAILED, kind.toString(), "delete", "cluster", "--name", name, "--kubeconfig", kubeconfig.toString());
    try (ClusterDocker d = docker.apply(ws.env())) {
      report(out, progress, d.removeContainer(RegistrySpec.CONTAINER) ? "removed container " + RegistrySpec.CONTAINER : "no container " + RegistrySpec.CONTAINER);
    }
    return new ClusterResult("kind", name, kubeconfig.toString(), RegistrySpec.of(ws.config().config(), ws.root()).pushHost(), out,
        "cluster " + name + " deleted and the registry container removed; data/ (registry storage) and the kubeconfig file " + kubeconfig + " are kept");
  }

  /** Writes the kind config to {@code .hostk8s/kind/<name>.yaml}. */
  static Path writeConfig(Workspace ws, String name, RegistrySpec registry) {
    Path file = ws.stateDir().resolve("kind").resolve(name + ".yaml");
    try {
      Files.createDirectories(file.getParent());
      Files.createDirectories(ws.clusterKubeconfig().toAbsolutePath().getParent());
      Files.writeString(file, KindConfig.render(name, registry.container(), registry.containerPort()));
      return file;
    } catch (IOException e) {
      throw HostK8sException.user(ErrorCode.CLUSTER_START_FAILED, "Cannot write " + file + ": " + e.getMessage(), "Check the permissions of " + ws.stateDir());
    }
  }

  private void applyHosting(Path kubeconfig, String pushHost) {
    try (KubernetesClient client = clients.apply(kubeconfig)) {
      RegistryHosting.apply(client, pushHost);
    } catch (HostK8sException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new HostK8sException(ErrorCode.REGISTRY_SETUP_FAILED, "Publishing " + RegistryHosting.NAMESPACE + "/" + RegistryHosting.NAME
          + " failed: " + e.getMessage(), List.of("Check the cluster: kubectl --kubeconfig " + kubeconfig + " get nodes"), true, e);
    }
  }

  /** Runs a kind command; its lines go to the output and the progress; non-zero exit → {@code failure}. */
  private List<String> run(Workspace ws, List<String> out, Progress progress, ErrorCode failure, String... argv) {
    List<String> lines = new CopyOnWriteArrayList<>();
    Map<String, String> env = ws.env().containsKey("DOCKER_HOST") ? Map.of("DOCKER_HOST", ws.env().get("DOCKER_HOST")) : Map.of();
    ProcessResult r = runner.run(new ProcessSpec(List.of(argv), ws.root(), env), line -> {
      lines.add(line);
      report(out, progress, line);
    }, progress);
    progress.checkCancelled();
    if (!r.ok()) {
      throw new HostK8sException(failure, "`" + String.join(" ", List.of(argv).subList(0, Math.min(3, argv.length))) + " …` exited "
          + r.exitCode() + ":\n  " + String.join("\n  ", r.tail().subList(Math.max(0, r.tail().size() - 8), r.tail().size())),
          List.of("Read the output above; `kind get clusters` and `docker ps` show what exists; a host port in use (8080, 8443, 5002) is a usual cause."),
          true, null);
    }
    return lines;
  }

  private static void report(List<String> out, Progress progress, String line) {
    out.add(line);
    progress.report(line);
  }
}
