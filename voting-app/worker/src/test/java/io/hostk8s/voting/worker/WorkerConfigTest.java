package io.hostk8s.voting.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerConfigTest {

  @Test
  void defaultsAreThoseOfTheComposeAndKubernetesSetUp() {
    WorkerConfig config = WorkerConfig.fromEnv(Map.of());
    assertThat(config.redisHost()).isEqualTo("redis");
    assertThat(config.redisPort()).isEqualTo(6379);
    assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/votes");
    assertThat(config.postgresUser()).isEqualTo("postgres");
    assertThat(config.postgresPassword()).isEqualTo("postgres");
  }

  @Test
  void readsEveryVariable() {
    WorkerConfig config = WorkerConfig.fromEnv(Map.of("REDIS_HOST", "10.0.0.1", "REDIS_PORT", "6380",
        "POSTGRES_HOST", "pg", "POSTGRES_PORT", "5433", "POSTGRES_USER", "u", "POSTGRES_PASSWORD", "p",
        "POSTGRES_DB", "d"));
    assertThat(config.redisHost()).isEqualTo("10.0.0.1");
    assertThat(config.redisPort()).isEqualTo(6380);
    assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://pg:5433/d");
    assertThat(config.postgresUser()).isEqualTo("u");
    assertThat(config.postgresPassword()).isEqualTo("p");
    assertThat(config.toString()).doesNotContain("p@").doesNotContain(":p ");
  }

  @Test
  void rejectsBadPorts() {
    assertThatThrownBy(() -> WorkerConfig.fromEnv(Map.of("REDIS_PORT", "redis")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REDIS_PORT");
    assertThatThrownBy(() -> WorkerConfig.fromEnv(Map.of("POSTGRES_PORT", "70000")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("POSTGRES_PORT");
  }
}
