package io.hostk8s.dev.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.EngineInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineServicesTest {
  @TempDir Path root;

  private EngineServices services() {
    Workspace ws = new Workspace(root, Map.of(), root.resolve("no-such-kubeconfig"));
    return new EngineServices(ws, new EngineInfo("owner", "test", 1, root.toString()), (spec, lines, progress) -> {
      throw new IllegalStateException("no processes here");
    });
  }

  record Feature(String name, List<String> closed) implements AutoCloseable {
    @Override public void close() { closed.add(name); }
  }

  record Other(String name, List<String> closed) implements AutoCloseable {
    @Override public void close() { closed.add(name); }
  }

  @Test
  void oneInstancePerFeatureClosedNewestFirstWithTheEngine() {
    List<String> closed = new ArrayList<>();
    EngineServices s = services();
    assertThat(s.featureIfPresent(Feature.class)).isNull();
    Feature a = s.feature(Feature.class, e -> new Feature("a", closed));
    assertThat(s.feature(Feature.class, e -> new Feature("again", closed))).isSameAs(a);
    s.feature(Other.class, e -> new Other("b", closed));
    s.close();
    assertThat(closed).containsExactly("b", "a");
    assertThatThrownBy(() -> s.feature(Feature.class, e -> new Feature("late", closed))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFailingFeatureDoesNotStopTheOthersFromClosing() {
    List<String> closed = new ArrayList<>();
    EngineServices s = services();
    s.feature(Feature.class, e -> new Feature("a", closed));
    s.feature(AutoCloseable.class, e -> () -> { throw new IllegalStateException("boom"); });
    s.close();
    assertThat(closed).containsExactly("a");
  }

  @Test
  void kubeWithoutKubeconfigSaysHowToGetOne() {
    assertThatThrownBy(() -> services().kube()).isInstanceOf(HostK8sException.class).hasMessageContaining("No kubeconfig");
  }
}
