package io.hostk8s.dev.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.KubeSource;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.process.SystemProcessRunner;
import io.hostk8s.dev.protocol.EngineInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sandbox started again writes its new API port to the same kubeconfig path: the engine's client follows the file. */
class KubeClientRefreshTest {
  @Test
  void aRewrittenKubeconfigAtTheSamePathGetsANewClient(@TempDir Path ws) throws Exception {
    Path kubeconfig = Files.createDirectories(ws.resolve(".hostk8s/sandbox")).resolve("kubeconfig");
    Files.writeString(kubeconfig, "server: http://127.0.0.1:1111\n");
    List<Path> opened = new ArrayList<>();
    KubeSource source = new KubeSource(p -> {
      opened.add(p);
      return new KubernetesClientBuilder().build();
    }, w -> HostK8sException.user(ErrorCode.KUBECONFIG_MISSING, "missing", null));
    try (EngineServices engine = new EngineServices(new Workspace(ws, Map.of(), kubeconfig),
        new EngineInfo("local", "test", ProcessHandle.current().pid(), ws.toString()), new SystemProcessRunner(), source)) {
      KubernetesClient first = engine.kube();
      assertThat(engine.kube()).as("same file, same client").isSameAs(first);
      Files.writeString(kubeconfig, "server: http://127.0.0.1:22222\n");
      Files.setLastModifiedTime(kubeconfig, FileTime.fromMillis(Files.getLastModifiedTime(kubeconfig).toMillis() + 2000));
      assertThat(engine.kube()).as("rewritten file, new client").isNotSameAs(first);
      assertThat(opened).hasSize(2);
    }
  }
}
