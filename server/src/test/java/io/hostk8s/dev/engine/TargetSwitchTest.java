package io.hostk8s.dev.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hostk8s.dev.cloud.publish.PublishState;
import io.hostk8s.dev.cloud.publish.PublishStateStore;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.command.impl.TargetSetCommand;
import io.hostk8s.dev.config.KubeconfigResolver.Source;
import io.hostk8s.dev.core.Target;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.ClusterStatus;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.ServiceArgs;
import io.hostk8s.dev.protocol.commands.args.TargetArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target switch: remembered per workspace, the kubeconfig publish fetched on the cloud, dev-only work refused there. */
class TargetSwitchTest {
  @TempDir
  Path ws;

  private LocalEngine engine(Target target) {
    return Engines.local(ws, Map.of(), null, target, "observed", "test", io.hostk8s.dev.debug.DebugAdapterHost.NONE);
  }

  private Path published() throws Exception {
    PublishStateStore store = new PublishStateStore(ws.resolve(".hostk8s"));
    Path kc = store.writeKubeconfig("voting", """
        apiVersion: v1
        kind: Config
        clusters: [{name: do, cluster: {server: "https://127.0.0.1:1"}}]
        contexts: [{name: do, context: {cluster: do, user: do}}]
        current-context: do
        users: [{name: do, user: {token: not-a-secret}}]
        """);
    store.save(PublishState.empty("http://127.0.0.1:1").withCluster("c-1", "voting", "fra1", true)
        .withKubeconfig(kc.toString()).withMonthlyUsd(63.1));
    return kc;
  }

  private static Object run(LocalEngine e, String id, Record args) {
    try {
      return e.execute(id, CommandArgs.of(args), Progress.NONE).join();
    } catch (CompletionException ce) {
      throw (RuntimeException) ce.getCause();
    }
  }

  @Test
  void theSwitchIsRememberedForTheWorkspaceAndTheCloudUsesPublishsKubeconfig() throws Exception {
    Path kc = published();
    try (LocalEngine e = engine(null)) {
      assertThat(e.services().workspace().target()).isEqualTo(Target.LOCAL);
      TargetSetCommand.Switched s = (TargetSetCommand.Switched) run(e, CommandIds.TARGET_SET, new TargetArgs("cloud"));
      assertThat(s.target()).isEqualTo("digitalocean");
      assertThat(s.cluster().target()).isEqualTo(ClusterStatus.DIGITALOCEAN);
      assertThat(e.services().workspace().kubeconfigChoice().source()).isEqualTo(Source.CLOUD);
      assertThat(e.services().workspace().kubeconfig()).isEqualTo(kc.toAbsolutePath());
      assertThat(e.status().cloud().monthlyUsd()).as("the cost stays in the status").isEqualTo(63.1);
    }
    assertThat(Files.readString(ws.resolve(".hostk8s/target")).strip()).isEqualTo("digitalocean");
    try (LocalEngine again = engine(null)) { // another front end of the workspace follows
      assertThat(again.services().workspace().target()).isEqualTo(Target.DIGITALOCEAN);
      run(again, CommandIds.TARGET_SET, new TargetArgs("local"));
      assertThat(again.services().workspace().kubeconfigChoice().source()).isNotEqualTo(Source.CLOUD);
    }
  }

  @Test
  void syncDeployUpAndInClusterDebugAreRefusedOnTheCloudWithTheReasonAndTheWayBack() throws Exception {
    published();
    try (LocalEngine e = engine(Target.DIGITALOCEAN)) {
      for (var c : new Object[][] {{CommandIds.SYNC_START, new ServiceArgs("vote"), "file sync"},
          {CommandIds.DEPLOY, new io.hostk8s.dev.protocol.commands.args.DeployArgs(null, null, null, null, null), "deploy"},
          {CommandIds.UP, new io.hostk8s.dev.protocol.commands.args.UpArgs(null, null, null), "up"}}) {
        assertThatThrownBy(() -> run(e, (String) c[0], (Record) c[1])).isInstanceOfSatisfying(HostK8sException.class, x -> {
          assertThat(x.code()).isEqualTo(ErrorCode.TARGET_DEV_ONLY);
          assertThat(x.getMessage()).contains((String) c[2]).contains("production");
          assertThat(x.suggestions()).anyMatch(f -> f.contains("hostk8s-dev target local"));
        });
      }
    }
  }

  @Test
  void theCloudWithNothingPublishedSaysSo() {
    try (LocalEngine e = engine(Target.DIGITALOCEAN)) {
      assertThatThrownBy(() -> e.services().kube()).isInstanceOfSatisfying(HostK8sException.class, x -> {
        assertThat(x.code()).isEqualTo(ErrorCode.TARGET_NOTHING_PUBLISHED);
        assertThat(x.suggestions()).anyMatch(f -> f.contains("publish apply"));
      });
      assertThat(e.refresh().cluster().target()).isEqualTo(ClusterStatus.DIGITALOCEAN);
    }
  }

  @Test
  void targetsAreNamedLocalDigitaloceanOrCloud() {
    assertThat(Target.parse("cloud")).isEqualTo(Target.DIGITALOCEAN);
    assertThat(Target.parse(" DigitalOcean ")).isEqualTo(Target.DIGITALOCEAN);
    assertThat(Target.parse("local")).isEqualTo(Target.LOCAL);
    assertThatThrownBy(() -> Target.parse("aws")).isInstanceOfSatisfying(HostK8sException.class,
        x -> assertThat(x.code()).isEqualTo(ErrorCode.TARGET_UNKNOWN));
  }
}
