package io.hostk8s.dev.kind;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hostk8s.dev.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real Kind: `hostk8s-dev up` builds the voting app's dev images with the real Docker daemon, pushes them to
 * hostk8s-registry (localhost:5002), deploys and waits until every service is ready. NOT run in our environment
 * (no Docker engine) — only by .github/workflows/kind.yml after `hostk8s-dev cluster start`.
 */
class KindUpIT {
  @Test
  void upOnKindMakesEveryServiceReady() throws Exception {
    Path repo = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(repo.resolve("voting-app"))) {
      repo = repo.getParent();
    }
    var up = CliRunner.run(repo, Map.of(), "up", "--json", "--workspace", repo.toString());
    assertThat(up.exit()).as(up.err()).isZero();
    JsonObject r = JsonParser.parseString(up.out()).getAsJsonObject();
    assertThat(r.get("target").getAsString()).isEqualTo("cluster");
    assertThat(r.getAsJsonArray("builds")).isNotEmpty();
    assertThat(r.getAsJsonObject("deploy").get("ready").getAsBoolean()).isTrue();
  }
}
