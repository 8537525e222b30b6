package io.hostk8s.dev.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfileChooserTest {
  @TempDir Path ctx;

  private void files(String... names) throws IOException {
    for (String n : names) {
      Files.writeString(ctx.resolve(n), "FROM x\n");
    }
  }

  @Test
  void votingAppLayoutDevAndProd() throws IOException {
    files("Dockerfile.dev", "Dockerfile.prod");
    assertThat(DockerfileChooser.choose(ctx, "Dockerfile.dev", BuildMode.DEV)).isEqualTo("Dockerfile.dev");
    assertThat(DockerfileChooser.choose(ctx, "Dockerfile.dev", BuildMode.PROD)).isEqualTo("Dockerfile.prod");
  }

  @Test
  void workerLayoutProdIsThePlainDockerfile() throws IOException {
    files("Dockerfile", "Dockerfile.dev");
    assertThat(DockerfileChooser.choose(ctx, "Dockerfile", BuildMode.DEV)).isEqualTo("Dockerfile");
    assertThat(DockerfileChooser.choose(ctx, "Dockerfile.dev", BuildMode.PROD)).isEqualTo("Dockerfile");
    assertThat(DockerfileChooser.choose(ctx, null, BuildMode.DEV)).isEqualTo("Dockerfile");
  }

  @Test
  void fallsBackAndReturnsTheConfiguredNameWhenNothingExists() throws IOException {
    assertThat(DockerfileChooser.choose(ctx, "build/App.dockerfile", BuildMode.PROD)).isEqualTo("build/App.dockerfile");
    files("Dockerfile");
    assertThat(DockerfileChooser.choose(ctx, "Dockerfile.dev", BuildMode.DEV)).isEqualTo("Dockerfile");
  }
}
