package io.hostk8s.dev.cloud.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishStateStoreTest {
  @TempDir
  Path state;

  @Test
  void stateAndKubeconfigArePrivateAndRoundTrip() throws Exception {
    PublishStateStore store = new PublishStateStore(state);
    assertThat(store.load()).isEmpty();
    Path kube = store.writeKubeconfig("my cluster/..", "apiVersion: v1\n");
    assertThat(kube.getParent()).isEqualTo(state.resolve("publish"));
    assertThat(kube.getFileName().toString()).isEqualTo("my_cluster_...kubeconfig");
    PublishState saved = store.save(PublishState.empty("http://api").withCluster("c1", "demo", "fra1", true)
        .withRegistry("reg", "fra1", false).withKubeconfig(kube.toString()));
    assertThat(saved.createdAt()).isNotNull();
    assertThat(store.load()).contains(saved);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("publish")))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kube))).isEqualTo("rw-------");
    try (var files = Files.list(state.resolve("publish"))) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no temp files left").allMatch(n -> !n.startsWith(".tmp-"));
    }
  }

  @Test
  void deleteNeverTouchesAKubeconfigOutsideItsDirectory() throws Exception {
    PublishStateStore store = new PublishStateStore(state);
    Path outside = Files.writeString(state.resolve("precious"), "x");
    PublishState s = store.save(PublishState.empty("u").withCluster("c", "n", "r", true).withKubeconfig(outside.toString()));
    store.delete(s);
    assertThat(outside).exists();
    assertThat(store.file()).doesNotExist();
  }

  @Test
  void anUnreadableStateSaysWhatToDo() throws Exception {
    PublishStateStore store = new PublishStateStore(state);
    Files.createDirectories(store.file().getParent());
    Files.writeString(store.file(), "{not json");
    assertThatThrownBy(store::load).isInstanceOfSatisfying(HostK8sException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_STATE_INVALID);
      assertThat(e.suggestions().get(0)).contains("digitalocean.json");
    });
  }
}
