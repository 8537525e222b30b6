package io.hostk8s.dev.testbed;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.hostk8s.dev.testbed.api.ApiServer;
import io.hostk8s.dev.testbed.controller.Controller;
import io.hostk8s.dev.testbed.image.ImagePuller;
import io.hostk8s.dev.testbed.kubelet.MountPoints;
import io.hostk8s.dev.testbed.kubelet.PodRuntime;
import io.hostk8s.dev.testbed.kubelet.PodRuntimes;
import io.hostk8s.dev.testbed.kubelet.PrivateArea;
import io.hostk8s.dev.testbed.net.ServiceEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * A stand-in Kubernetes (API server, controller, kubelet, kube-proxy) whose pods are local processes. Start with
 * {@link #start(SandboxOptions)}; {@link #close()} stops every process it started.
 */
public final class Sandbox implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Sandbox.class.getName());
  private static final AtomicInteger OPEN = new AtomicInteger();

  private final SandboxOptions options;
  private final ApiServer api;
  private final KubernetesClient client;
  private final Controller controller;
  private final Path kubeconfig;
  private final PrivateArea privateArea;
  private final Optional<ImagePuller> images;
  private final Thread exitHook = new Thread(this::close, "sandbox-exit");
  private volatile boolean closed;

  private Sandbox(SandboxOptions options) throws Exception {
    this.options = options;
    Path pods = options.stateDir().resolve("pods");
    Files.createDirectories(pods);
    privateArea = PrivateArea.create();
    PodRuntimes runtimes = new PodRuntimes();
    images = options.imagePulls().map(ImagePuller::new);
    try {
      api = new ApiServer(runtimes, options.port());
      kubeconfig = Kubeconfig.write(options.stateDir().resolve("kubeconfig"), api.url());
      client = newClient();
      controller = new Controller(client, runtimes, options.recipes(), options.workspace(), pods, privateArea,
          images);
    } catch (Exception | Error e) {
      images.ifPresent(ImagePuller::close);
      privateArea.close();
      throw e;
    }
    OPEN.incrementAndGet();
    Runtime.getRuntime().addShutdownHook(exitHook);
    LOG.info(() -> "sandbox serving on " + api.url() + " (kubeconfig " + kubeconfig + ")");
  }

  public static Sandbox start(SandboxOptions options) {
    try {
      return new Sandbox(options);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the sandbox: " + e.getMessage(), e);
    }
  }

  /** A client of this sandbox (closed with it). */
  public KubernetesClient client() {
    return client;
  }

  /** A new client built from the kubeconfig file, as the product would build it; the caller closes it. */
  public KubernetesClient newClient() throws IOException {
    return new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(Kubeconfig.CONTEXT, Files.readString(kubeconfig), kubeconfig.toString()))
        .build();
  }

  public Path kubeconfigPath() {
    return kubeconfig;
  }

  public String apiUrl() {
    return api.url();
  }

  public SandboxOptions options() {
    return options;
  }

  /** Deletes the pod, as a crash or eviction would; its Deployment creates a replacement. */
  public void replacePod(String namespace, String name) {
    client.pods().inNamespace(namespace).withName(name).delete();
  }

  /** Waits until at least one pod matches {@code selector} (e.g. {@code app=vote}) and all matching are Ready. */
  public List<Pod> awaitReady(String namespace, String selector, Duration timeout) {
    return Readiness.await(client, namespace, selector, timeout);
  }

  /**
   * Waits until the Deployment has rolled out: status observed its generation, and {@code replicas},
   * {@code updatedReplicas} and {@code readyReplicas} all equal {@code spec.replicas}.
   */
  public Deployment awaitRollout(String namespace, String name, Duration timeout) {
    return Readiness.awaitRollout(client, namespace, name, timeout);
  }

  /** The local port of a Service port (the kube-proxy relay), if the Service exists. */
  public Optional<Integer> serviceLocalPort(String namespace, String service, int port) {
    return controller.services().find(namespace, service).map(e -> e.localPort(port));
  }

  /** The local port a pod's container port is served on, if the pod runs. */
  public Optional<Integer> podLocalPort(String namespace, String pod, int containerPort) {
    return controller.runtime(namespace, pod).map(r -> r.localPort(containerPort));
  }

  /** The host directory behind a container path of a running pod. */
  public Optional<Path> podHostPath(String namespace, String pod, String containerPath) {
    return controller.runtime(namespace, pod).map(r -> r.hostPath(containerPath));
  }

  /** The pod's process, if it runs. */
  public Optional<ProcessHandle> podProcess(String namespace, String pod) {
    return controller.runtime(namespace, pod).filter(PodRuntime::alive)
        .flatMap(r -> ProcessHandle.of(r.pid()));
  }

  Optional<ServiceEndpoint> service(String namespace, String name) {
    return controller.services().find(namespace, name);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(exitHook);
    } catch (IllegalStateException e) {
      // the JVM is exiting: this may be the hook itself
    }
    controller.close();
    images.ifPresent(ImagePuller::close);
    privateArea.close();
    client.close();
    api.close();
    if (OPEN.decrementAndGet() == 0) {
      MountPoints.cleanUp();
    }
    LOG.info("sandbox stopped");
  }

  /** This sandbox's private dir outside the workspace (pod data other OS users must reach); gone after close. */
  Path privateDir() {
    return privateArea.dir();
  }
}
