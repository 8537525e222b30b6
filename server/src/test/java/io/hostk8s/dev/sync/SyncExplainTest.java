package io.hostk8s.dev.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.command.impl.SyncExplainCommand;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hostk8s.sync.explain over the default config (vote and result sync rules) in a workspace with the vote code. */
class SyncExplainTest {
  @TempDir
  Path ws;
  EngineServices engine;

  @BeforeEach
  void workspace() throws Exception {
    SyncFixtures.copyTree(SyncFixtures.repo().resolve("voting-app/vote"), ws.resolve("voting-app/vote"));
    Files.createDirectories(ws.resolve("voting-app/result/node_modules/express"));
    Files.writeString(ws.resolve("voting-app/result/server.js"), "");
    Files.createDirectories(ws.resolve("voting-app/worker"));
    Files.createDirectories(ws.resolve("voting-app/vote/__pycache__"));
    Files.writeString(ws.resolve("voting-app/vote/__pycache__/app.cpython-311.pyc"), "");
    engine = SyncFixtures.engine(ws, null);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  Explanation explain(String service, String path) {
    return SyncManager.of(engine).explain(service, path);
  }

  @Test
  void aSourceFileIsSyncedToItsContainerPath() {
    Explanation e = explain("vote", "voting-app/vote/app.py");
    assertThat(e.verdict()).isEqualTo("synced");
    assertThat(e.target()).isEqualTo("/usr/local/app/app.py");
    assertThat(e.rule()).isNull();
    assertThat(e.reason()).startsWith("no ignore rule matches; a save is copied to /usr/local/app/app.py");
    assertThat(explain("vote", "templates/index.html").target()).as("context-relative").isEqualTo("/usr/local/app/templates/index.html");
  }

  @Test
  void theDecidingRuleIsNamedWithItsFileLineAndPattern() throws Exception {
    Explanation pyc = explain("vote", "voting-app/vote/__pycache__/app.cpython-311.pyc");
    assertThat(pyc.verdict()).isEqualTo("ignored");
    assertThat(pyc.rule().source()).isEqualTo("services.vote.sync[0].ignore[0]");
    assertThat(pyc.rule().pattern()).isEqualTo("__pycache__/");
    assertThat(pyc.reason()).contains("directory __pycache__/ is ignored");

    Explanation dockerfile = explain("vote", "voting-app/vote/Dockerfile.dev");
    int line = Files.readAllLines(ws.resolve("voting-app/vote/.dockerignore")).indexOf("Dockerfile*") + 1;
    assertThat(dockerfile.verdict()).isEqualTo("ignored");
    assertThat(dockerfile.reason()).startsWith("ignored by voting-app/vote/.dockerignore:" + line + " \"Dockerfile*\"");

    Explanation swap = explain("vote", "voting-app/vote/.app.py.swp");
    assertThat(swap.rule().source()).isEqualTo("built-in");
  }

  @Test
  void theServiceIsFoundFromThePathAsVsCodeSendsIt() throws Exception {
    JsonObject args = new JsonObject();
    args.addProperty("path", ws.resolve("voting-app/result/node_modules/express/index.js").toString());
    Explanation e = (Explanation) new SyncExplainCommand().run(new CommandContext(engine, CommandArgs.named(args), Progress.NONE));
    assertThat(e.service()).isEqualTo("result");
    assertThat(e.verdict()).isEqualTo("ignored");
    assertThat(e.rule().pattern()).isEqualTo("node_modules/");
  }

  @Test
  void pathsOutsideAnyRuleOrServiceAreSaidSo() {
    assertThatThrownBy(() -> explain("worker", "voting-app/worker/src/Main.java"))
        .isInstanceOfSatisfying(HostK8sException.class, x -> assertThat(x.code()).isEqualTo(ErrorCode.SYNC_NOT_CONFIGURED));
    assertThatThrownBy(() -> explain(null, "README.md"))
        .isInstanceOfSatisfying(HostK8sException.class, x -> assertThat(x.code()).isEqualTo(ErrorCode.SYNC_NOT_CONFIGURED));
    assertThatThrownBy(() -> explain("nope", "x"))
        .isInstanceOfSatisfying(HostK8sException.class, x -> assertThat(x.code()).isEqualTo(ErrorCode.UNKNOWN_SERVICE));
    Explanation escaping = explain("vote", "voting-app/vote/../../etc/passwd");
    assertThat(escaping.verdict()).isEqualTo("not synced");
  }
}
