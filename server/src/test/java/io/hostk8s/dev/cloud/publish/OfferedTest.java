package io.hostk8s.dev.cloud.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfferedTest {
  private static final List<String> SLUGS = List.of("1.32.9-do.1", "1.33.10-do.0", "1.33.2-do.3", "1.31.1-do.0");

  @Test
  void latestIsTheNewestSlugComparedNumerically() {
    assertThat(Offered.version("latest", SLUGS)).isEqualTo("1.33.10-do.0");
  }

  @Test
  void aMinorPicksItsNewestPatchAndASlugItself() {
    assertThat(Offered.version("1.32", SLUGS)).isEqualTo("1.32.9-do.1");
    assertThat(Offered.version("1.33.2-do.3", SLUGS)).isEqualTo("1.33.2-do.3");
  }

  @Test
  void aVersionNotOfferedNamesWhatIsAndHowToChoose() {
    assertThatThrownBy(() -> Offered.version("1.29", SLUGS)).isInstanceOfSatisfying(HostK8sException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_NOT_OFFERED);
      assertThat(e.getMessage()).contains("'1.29'");
      assertThat(e.suggestions().get(0)).contains("1.33.10-do.0").contains("cloud.digitalocean.version").contains("--version");
    });
  }

  @Test
  void aRegionNotOfferedSaysTheFlag() {
    assertThatThrownBy(() -> Offered.require("node size", "s-99", List.of("s-1vcpu-2gb"), "nodeSize"))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_NOT_OFFERED);
          assertThat(e.suggestions().get(0)).contains("s-1vcpu-2gb").contains("--node-size");
        });
  }
}
