package io.hostk8s.dev.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageRefTest {
  @Test
  void hostK8sPushAndPullAddresses() {
    ImageRef ref = ImageRef.of("localhost:5002", "localhost:5000", "hostk8s-vote", "dev-0123456789ab");
    assertThat(ref.push()).isEqualTo("localhost:5002/hostk8s-vote:dev-0123456789ab");
    assertThat(ref.inCluster()).isEqualTo("localhost:5000/hostk8s-vote:dev-0123456789ab");
    assertThat(ref.pushRepository()).isEqualTo("localhost:5002/hostk8s-vote");
    assertThat(ref.pushHost()).isEqualTo("localhost:5002");
    assertThat(ref.registryPath()).isEqualTo("hostk8s-vote");
  }

  @Test
  void registryWithAPathAndNoSeparatePull() {
    ImageRef ref = ImageRef.of("registry.digitalocean.com/team/", null, "hostk8s-vote", "dev-1");
    assertThat(ref.push()).isEqualTo("registry.digitalocean.com/team/hostk8s-vote:dev-1");
    assertThat(ref.inCluster()).isEqualTo(ref.push());
    assertThat(ref.pushHost()).isEqualTo("registry.digitalocean.com");
    assertThat(ref.registryPath()).isEqualTo("team/hostk8s-vote");
  }

  @Test
  void loopbackRegistriesAreSpokenToOverHttp() {
    assertThat(RegistryProbe.baseUrl("localhost:5002")).isEqualTo("http://localhost:5002");
    assertThat(RegistryProbe.baseUrl("127.0.0.1:5000")).isEqualTo("http://127.0.0.1:5000");
    assertThat(RegistryProbe.baseUrl("[::1]:5000")).isEqualTo("http://[::1]:5000");
    assertThat(RegistryProbe.baseUrl("registry.digitalocean.com")).isEqualTo("https://registry.digitalocean.com");
    assertThat(RegistryProbe.isLoopback("localhost.example.com")).isFalse();
  }
}
