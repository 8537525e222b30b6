package io.hostk8s.dev.cloud.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.config.CloudConfig;
import io.hostk8s.dev.config.DevConfig;
import io.hostk8s.dev.config.DigitalOceanConfig;
import io.hostk8s.dev.protocol.commands.args.PublishPlanArgs;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishSettingsTest {

  private static DevConfig config(DigitalOceanConfig d) {
    return new DevConfig(null, null, null, java.util.Map.of(), null, new CloudConfig(d));
  }

  @Test
  void defaultsANewcomerCanLiveWith() {
    PublishSettings s = PublishSettings.resolve(config(null), null);
    assertThat(List.of(s.cluster(), s.region(), s.nodeSize(), s.version())).containsExactly("hostk8s-voting", "fra1",
        "s-2vcpu-4gb", "latest");
    assertThat(s.nodes()).isEqualTo(2);
    assertThat(s.registry()).isNull();
    assertThat(s.upgradeRegistry()).isFalse();
  }

  @Test
  void argumentsWinOverTheFileWhichWinsOverDefaults() {
    DevConfig c = config(new DigitalOceanConfig("from-file", "ams3", "s-4vcpu-8gb", 3,
        "registry.digitalocean.com/my-reg", "example.com", "1.33", "v.example.com", "me@example.com", true));
    PublishSettings fileOnly = PublishSettings.resolve(c, null);
    assertThat(fileOnly.cluster()).isEqualTo("from-file");
    assertThat(fileOnly.nodes()).isEqualTo(3);
    assertThat(fileOnly.registry()).as("the image-prefix form is reduced to the name").isEqualTo("my-reg");
    assertThat(List.of(fileOnly.domain(), fileOnly.host(), fileOnly.acmeEmail()))
        .containsExactly("example.com", "v.example.com", "me@example.com");
    assertThat(fileOnly.acmeStaging()).isTrue();
    PublishSettings args = PublishSettings.resolve(c, new PublishPlanArgs("cli", "nyc1", null, 1, null, "other", true, null));
    assertThat(List.of(args.cluster(), args.region(), args.nodeSize(), args.version(), args.registry()))
        .containsExactly("cli", "nyc1", "s-4vcpu-8gb", "1.33", "other");
    assertThat(args.nodes()).isEqualTo(1);
    assertThat(args.upgradeRegistry()).isTrue();
  }
}
