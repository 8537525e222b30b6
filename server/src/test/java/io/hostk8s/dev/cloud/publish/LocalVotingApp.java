package io.hostk8s.dev.cloud.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxOptions;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The voting app on a local cluster (a sandbox: real Postgres, Redis, worker and vote service) with the repository's
 * voting-app/k8s/local manifests — the "local" side of publish data push/pull.
 */
final class LocalVotingApp implements AutoCloseable {
  static final String NS = "sample-app";
  private final Sandbox sandbox;

  private LocalVotingApp(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  static LocalVotingApp start(Path repo, Path stateDir) throws IOException {
    Sandbox sandbox = Sandbox.start(SandboxOptions.of(repo, stateDir));
    for (String f : List.of("00-namespace.yaml", "db.yaml", "redis.yaml", "worker.yaml", "vote.yaml")) {
      try (InputStream in = new FileInputStream(repo.resolve("voting-app/k8s/local/" + f).toFile())) {
        sandbox.client().load(in).items().forEach(i -> sandbox.client().resource(i).fieldManager("it").forceConflicts()
            .serverSideApply());
      }
    }
    for (String app : List.of("db", "redis", "worker", "vote")) {
      sandbox.awaitReady(NS, "app=" + app, Duration.ofSeconds(180));
    }
    return new LocalVotingApp(sandbox);
  }

  Path kubeconfig() {
    return sandbox.kubeconfigPath();
  }

  /** One vote per voter (no cookie: each POST is a new voter), through the local vote service. */
  void vote(String... options) throws IOException {
    int port = sandbox.serviceLocalPort(NS, "vote", 80).orElseThrow();
    OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(20)).build();
    for (String option : options) {
      try (Response r = http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/")
          .post(new FormBody.Builder().add("vote", option).build()).build()).execute()) {
        assertThat(r.code()).isEqualTo(200);
      }
    }
  }

  /** Rows of the votes table (psql straight to the pod's port), waited for until {@code want} (-1: just read). */
  long awaitVotes(long want) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    long rows = -1;
    while (System.nanoTime() < deadline) {
      rows = psql("select count(*) from votes");
      if (want < 0 || rows == want) {
        return rows;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("local votes: " + rows + " rows, expected " + want);
  }

  private long psql(String sql) throws Exception {
    Pod db = sandbox.awaitReady(NS, "app=db", Duration.ofSeconds(30)).get(0);
    int port = sandbox.podLocalPort(NS, db.getMetadata().getName(), 5432).orElseThrow();
    ProcessBuilder pb = new ProcessBuilder("psql", "-X", "-A", "-t", "-h", "127.0.0.1", "-p", String.valueOf(port),
        "-U", "postgres", "-d", "votes", "-c", sql).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", "postgres");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      return -1; // the table may not exist yet (the worker creates it)
    }
    return Long.parseLong(out);
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
