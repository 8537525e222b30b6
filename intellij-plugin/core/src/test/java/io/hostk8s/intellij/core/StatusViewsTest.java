package io.hostk8s.intellij.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.protocol.ClusterStatus;
import io.hostk8s.dev.protocol.EngineInfo;
import io.hostk8s.dev.protocol.ForwardStatus;
import io.hostk8s.dev.protocol.ServiceStatus;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.protocol.SyncStatus;
import io.hostk8s.dev.protocol.cloud.CloudApp;
import io.hostk8s.dev.protocol.cloud.CloudStatus;
import io.hostk8s.intellij.core.status.QuickActions;
import io.hostk8s.intellij.core.status.ServerState;
import io.hostk8s.intellij.core.status.StatusOrder;
import io.hostk8s.intellij.core.status.StatusText;
import io.hostk8s.intellij.core.tree.CloudTree;
import io.hostk8s.intellij.core.tree.StatusTree;
import io.hostk8s.intellij.core.tree.TreeNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status widget and the tool window from real {@code status --json} payloads, read as LSP4IJ delivers them. */
class StatusViewsTest {
  @Test
  void aRunningSandboxWithNothingDeployedReadsAsVsCodeShowsIt() throws Exception {
    StatusSnapshot s = Fixtures.status("status-sandbox-running.json");
    assertThat(s.revision()).as("a Double 2.0 read into the long").isEqualTo(2);
    assertThat(StatusText.text(ServerState.RUNNING, s, null)).isEqualTo("HostK8s: running · 0/3 ready");
    assertThat(StatusText.text(ServerState.RUNNING, s, "Up")).isEqualTo("HostK8s: running · 0/3 ready · Up");
    assertThat(StatusText.tooltip(ServerState.RUNNING, s)).contains("Cluster hostk8s: running")
        .contains("Context kind-hostk8s at http://127.0.0.1:43633/").contains("vote: 0/0 — not deployed")
        .contains("Engine: observed (pid 6448)");
    List<TreeNode> tree = StatusTree.build(s, id -> false);
    assertThat(tree).extracting(TreeNode::label).containsExactly("Cluster hostk8s", "Services");
    assertThat(tree.get(0).children()).extracting(TreeNode::label).containsExactly("Nodes", "Context", "API server", "Kubeconfig", "Engine");
    TreeNode vote = tree.get(1).children().get(0);
    assertThat(vote.text()).isEqualTo("vote — not deployed");
    assertThat(vote.kind()).isEqualTo("service");
    assertThat(vote.children()).extracting(TreeNode::text).containsExactly("Ready — 0/0", "Reason — not deployed", "Sync — off");
    assertThat(StatusTree.build(s, "hostk8s.publish.plan"::equals)).extracting(TreeNode::label).endsWith("Cloud");
  }

  @Test
  void aStoppedClusterOffersStartingItAndTheServersTitlesInThePopup() throws Exception {
    StatusSnapshot s = Fixtures.status("status-stopped.json");
    assertThat(StatusText.text(ServerState.RUNNING, s, null)).startsWith("HostK8s: stopped").doesNotContain("ready");
    assertThat(QuickActions.of(s, Fixtures.catalog())).extracting(QuickActions.QuickAction::command)
        .containsExactly("hostk8s.cluster.start", "hostk8s.sandbox.up", "hostk8s.up", "hostk8s.status", "hostk8s.doctor");
    assertThat(QuickActions.of(s, Fixtures.catalog()).get(0).label())
        .isEqualTo("Start the cluster (HostK8s make start, or our own kind cluster with its registry)");
  }

  @Test
  void readyServicesSyncLatencyForwardsAndTheSandboxHidesStopCluster() throws Exception {
    StatusSnapshot base = Fixtures.status("status-sandbox-running.json");
    var c = base.cluster(); // this capture predates `target`; today's server derives it from the sandbox kubeconfig
    StatusSnapshot s = base.withCluster(new ClusterStatus(c.state(), c.name(), c.context(), c.server(), c.kubeconfig(),
        c.nodesReady(), c.nodesTotal(), c.reason())).withServices(List.of(
        new ServiceStatus("vote", 1, 1, List.of("vote-1"), null, new SyncStatus("watching", 120L, 90L, 140L, 3)),
        new ServiceStatus("redis", 1, 1, List.of("redis-1"), null, null, false)))
        .withForwards(List.of(new ForwardStatus("vote", "http", 18080, 80, "vote-1", "active", "http://127.0.0.1:18080/")));
    assertThat(StatusText.text(ServerState.RUNNING, s, null)).isEqualTo("HostK8s: running · 2/2 ready · sync 120 ms");
    TreeNode vote = StatusTree.build(s, id -> false).get(1).children().get(0);
    assertThat(vote.url()).isEqualTo("http://127.0.0.1:18080/");
    assertThat(vote.children()).extracting(TreeNode::text).contains("vote-1 — pod", "Sync — watching · last 120 ms · p95 140 ms",
        "Forward http — http://127.0.0.1:18080/ → 80 (active)");
    assertThat(StatusTree.build(s, id -> false).get(1).children().get(1).text()).isEqualTo("redis — 1/1 ready · manifests");
    var actions = QuickActions.of(s, Fixtures.catalog());
    assertThat(actions).extracting(QuickActions.QuickAction::command).doesNotContain("hostk8s.cluster.stop")
        .contains("hostk8s.sandbox.down");
    assertThat(actions).last().extracting(QuickActions.QuickAction::url).isEqualTo("http://127.0.0.1:18080/");
  }

  @Test
  void anOlderSnapshotArrivingLateIsDroppedButANewEngineAlwaysWins() throws Exception {
    StatusSnapshot shown = Fixtures.status("status-sandbox-running.json").withRevision(7);
    assertThat(StatusOrder.replaces(shown, shown.withRevision(6))).isFalse();
    assertThat(StatusOrder.replaces(shown, shown.withRevision(8))).isTrue();
    assertThat(StatusOrder.replaces(shown, shown.withRevision(1).withEngine(new EngineInfo("owner", "lsp", 99, "/w")))).isTrue();
    assertThat(StatusOrder.replaces(null, shown)).isTrue();
  }

  @Test
  void withoutASnapshotTheWidgetSaysWhatTheServerDoes() {
    assertThat(StatusText.text(ServerState.STARTING, null, null)).isEqualTo("HostK8s: starting");
    assertThat(StatusText.text(ServerState.STOPPED, null, null)).isEqualTo("HostK8s: server stopped");
    assertThat(StatusText.text(ServerState.RUNNING, null, null)).isEqualTo("HostK8s: reading status");
    assertThat(StatusText.tooltip(ServerState.STOPPED, null)).contains("not running");
    assertThat(StatusTree.build(null, id -> true)).isEmpty();
  }

  @Test
  void aPublishedServiceInDebugModeIsTheCloudNodesFirstWarningAsInVsCode() {
    CloudApp app = new CloudApp("https://voting.example.com/vote/", "voting.example.com", "203.0.113.7", "active", true,
        true, 5, 5, true, List.of(), List.of(), List.of("vote: DEBUG MODE since 2026-12-06T19:00:00Z (dev image, debugpy 5678)"));
    CloudStatus cloud = new CloudStatus("digitalocean", "running", "hostk8s-voting", "c-1", "fra1", null, "hostk8s-r", true,
        "/ws/.hostk8s/publish/k.kubeconfig", 63.1, null, "2026-12-06T19:00:00Z").withApp(app);
    TreeNode node = CloudTree.node(cloud);
    assertThat(node.description()).isEqualTo("DigitalOcean hostk8s-voting: running · DEBUG MODE");
    assertThat(node.icon()).isEqualTo("warning");
    assertThat(node.children().get(0).label()).isEqualTo("Debug mode");
    assertThat(node.children().get(0).description()).startsWith("vote: DEBUG MODE");
    assertThat(CloudTree.node(cloud.withApp(new CloudApp(app.url(), app.host(), app.loadBalancerIp(), "active", true, true,
        5, 5, true, List.of(), List.of(), List.of()))).description()).as("after publish debug stop")
        .isEqualTo("DigitalOcean hostk8s-voting: running");
  }
}
