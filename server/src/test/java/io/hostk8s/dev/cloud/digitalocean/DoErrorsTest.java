package io.hostk8s.dev.cloud.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every DigitalOcean error answer becomes our code, DigitalOcean's message and request id, and a fix. */
class DoErrorsTest {
  private final DoTestServer fake = newServer();
  private final DigitalOcean doApi = DigitalOcean.connect(fake.config().withMaxRetries(1));

  private static DoTestServer newServer() {
    try {
      return new DoTestServer();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void close() {
    doApi.close();
    fake.close();
  }

  @ParameterizedTest(name = "{0} {1} -> {3}")
  @CsvSource(delimiter = '|', value = {
      "401 | unauthorized         | Unable to authenticate you.                                       | CLOUD_UNAUTHORIZED  | https://cloud.digitalocean.com/account/api/tokens",
      "403 | forbidden            | You do not have permission to perform this action.                | CLOUD_FORBIDDEN     | kubernetes:create",
      "422 | unprocessable_entity | creating this/these droplet(s) will exceed your droplet limit     | CLOUD_DROPLET_LIMIT | fewer nodes",
      "422 | unprocessable_entity | validation error: not enough available droplet limit              | CLOUD_DROPLET_LIMIT | higher droplet limit",
      "422 | unprocessable_entity | region is not available                                           | CLOUD_REJECTED      | DigitalOcean's message",
      "404 | not_found            | The resource you were accessing could not be found.               | CLOUD_NOT_FOUND     | deleted",
      "409 | conflict             | name already exists                                               | CLOUD_NAME_TAKEN    | another name",
      "400 | bad_request          | invalid body                                                      | CLOUD_REJECTED      | DigitalOcean's message",
      "500 | server_error         | Unexpected server-side error                                      | CLOUD_SERVER_ERROR  | https://status.digitalocean.com",
  })
  void createClusterErrorsMapToOurCodes(int status, String id, String message, ErrorCode code, String fix) {
    fake.enqueue(status, DoTestServer.error(id, message, "req-" + status));
    assertThatThrownBy(() -> doApi.kubernetes().createCluster(request()))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.getMessage()).contains(message).contains("(request req-" + status + ")")
              .contains("POST /v2/kubernetes/clusters");
          assertThat(String.join(" ", e.suggestions())).contains(fix);
          assertThat(DoErrors.details(e)).hasValueSatisfying(d -> {
            assertThat(d.status()).isEqualTo(status);
            assertThat(d.id()).isEqualTo(id);
            assertThat(d.requestId()).isEqualTo("req-" + status);
          });
        });
  }

  @Test
  void a403NamesTheScopeOfTheOperation() {
    fake.enqueue(403, DoTestServer.error("forbidden", "you do not have access for the attempted action", "r1"));
    expect(() -> doApi.kubernetes().kubeconfig("c1", 0), e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_FORBIDDEN);
      assertThat(e.getMessage()).contains("kubernetes:access_cluster");
      assertThat(e.suggestions()).anySatisfy(s -> assertThat(s).contains("kubernetes:access_cluster"));
    });
    fake.enqueue(403, DoTestServer.error("forbidden", "you do not have access for the attempted action", "r2"));
    expect(() -> doApi.registry().dockerCredentials("demo", true, 600),
        e -> assertThat(e.getMessage()).contains("registry:read + registry:update"));
  }

  @Test
  void a500OnAGetIsAServerErrorOnlyAfterTheRetries() {
    fake.enqueue(500, DoTestServer.error("server_error", "first", "r1"));
    fake.enqueue(502, DoTestServer.error("server_error", "second", "r2"));
    expect(() -> doApi.account().get(), e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_SERVER_ERROR);
      assertThat(e.getMessage()).contains("second").contains("(request r2)");
    });
    assertThat(doApi.api().calls()).isEqualTo(2);
  }

  @Test
  void anErrorBodyThatIsNotJsonIsQuotedShort() {
    fake.enqueue(418, "x".repeat(500));
    expect(() -> doApi.account().get(), e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.CLOUD_REJECTED);
      assertThat(e.getMessage()).contains("x".repeat(200) + "…").doesNotContain("x".repeat(201));
    });
  }

  private static void expect(Runnable call, Consumer<HostK8sException> check) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(HostK8sException.class, check);
  }

  private static CreateClusterRequest request() {
    return new CreateClusterRequest("demo", "nyc1", "latest",
        List.of(new NodePoolSpec("pool", "s-1vcpu-2gb", 2, null)), null, false, null, null);
  }
}
