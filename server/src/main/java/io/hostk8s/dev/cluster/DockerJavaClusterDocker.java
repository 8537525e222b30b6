package io.hostk8s.dev.cluster;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import io.hostk8s.dev.build.DockerClients;
import io.hostk8s.dev.build.DockerEndpoint;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** {@link ClusterDocker} over docker-java, with the client the build package opens (same endpoint rules, fast probe). */
public final class DockerJavaClusterDocker implements ClusterDocker {
  private final DockerClients.Docker docker;

  private DockerJavaClusterDocker(DockerClients.Docker docker) {
    this.docker = docker;
  }

  /** Opens a client for DOCKER_HOST / the default socket in {@code env}; DOCKER_UNREACHABLE fast when none answers. */
  public static DockerJavaClusterDocker open(Map<String, String> env) {
    return new DockerJavaClusterDocker(DockerClients.open(DockerEndpoint.from(env)));
  }

  @Override
  public void ensureRegistry(RegistrySpec spec, Consumer<String> log) {
    DockerClient c = docker.client();
    try {
      InspectContainerResponse existing = inspect(spec.container());
      String id;
      if (existing == null) {
        pullIfMissing(spec.image(), log);
        Files.createDirectories(spec.dataDir());
        ExposedPort port = ExposedPort.tcp(spec.containerPort());
        HostConfig host = HostConfig.newHostConfig()
            .withPortBindings(new PortBinding(Ports.Binding.bindIpAndPort(spec.hostIp(), spec.hostPort()), port))
            .withRestartPolicy(RestartPolicy.alwaysRestart())
            .withBinds(new Bind(spec.dataDir().toString(), new Volume("/var/lib/registry")));
        id = c.createContainerCmd(spec.image()).withName(spec.container()).withExposedPorts(port).withHostConfig(host).exec().getId();
        log.accept("created container " + spec.container() + " (" + spec.image() + ", " + spec.hostIp() + ":" + spec.hostPort() + "→" + spec.containerPort() + ")");
      } else {
        id = existing.getId();
        log.accept("container " + spec.container() + " exists");
      }
      try {
        c.startContainerCmd(id).exec();
      } catch (NotModifiedException alreadyRunning) {
        log.accept(spec.container() + " already running");
      }
      InspectContainerResponse now = inspect(spec.container());
      boolean connected = now != null && now.getNetworkSettings() != null && now.getNetworkSettings().getNetworks() != null
          && now.getNetworkSettings().getNetworks().containsKey(spec.network());
      if (!connected) {
        c.connectToNetworkCmd().withNetworkId(spec.network()).withContainerId(id).exec();
        log.accept("connected " + spec.container() + " to the docker network " + spec.network());
      }
    } catch (HostK8sException e) {
      throw e;
    } catch (Exception e) {
      throw failed("The registry container " + spec.container() + " could not be set up: " + e.getMessage(), e);
    }
  }

  @Override
  public void writeFile(String container, String path, String content) {
    DockerClient c = docker.client();
    try {
      String execId = c.execCreateCmd(container).withAttachStdout(true).withAttachStderr(true)
          .withCmd("sh", "-c", "mkdir -p \"$(dirname \"$1\")\" && printf '%s' \"$2\" > \"$1\"", "sh", path, content).exec().getId();
      c.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>()).awaitCompletion(60, TimeUnit.SECONDS);
      Long exit = c.inspectExecCmd(execId).exec().getExitCodeLong();
      if (exit == null || exit != 0) {
        throw failed("Writing " + path + " in " + container + " exited " + exit + ".", null);
      }
    } catch (HostK8sException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw HostK8sException.user(ErrorCode.CANCELLED, "Interrupted.", null);
    } catch (RuntimeException e) {
      throw failed("Writing " + path + " in " + container + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean removeContainer(String name) {
    try {
      docker.client().removeContainerCmd(name).withForce(true).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    } catch (RuntimeException e) {
      throw new HostK8sException(ErrorCode.CLUSTER_STOP_FAILED, "Removing the container " + name + " failed: " + e.getMessage(),
          List.of("Remove it by hand: docker rm -f " + name), true, e);
    }
  }

  private InspectContainerResponse inspect(String name) {
    try {
      return docker.client().inspectContainerCmd(name).exec();
    } catch (NotFoundException e) {
      return null;
    }
  }

  private void pullIfMissing(String image, Consumer<String> log) throws InterruptedException {
    try {
      docker.client().inspectImageCmd(image).exec();
    } catch (NotFoundException e) {
      log.accept("pulling " + image);
      int colon = image.lastIndexOf(':');
      docker.client().pullImageCmd(image.substring(0, colon)).withTag(image.substring(colon + 1))
          .exec(new PullImageResultCallback()).awaitCompletion(10, TimeUnit.MINUTES);
    }
  }

  private static HostK8sException failed(String message, Throwable cause) {
    return new HostK8sException(ErrorCode.REGISTRY_SETUP_FAILED, message,
        List.of("Check `docker ps -a --filter name=" + RegistrySpec.CONTAINER + "` and that the registry port is free; "
            + "`hostk8s-dev cluster start` again is safe (every step is idempotent)."), true, cause);
  }

  @Override
  public void close() {
    docker.close();
  }
}
