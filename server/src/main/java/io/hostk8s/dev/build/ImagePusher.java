package io.hostk8s.dev.build;

import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PushResponseItem;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Pushes an image the daemon holds to the registry at its push address (credentials from ~/.docker/config.json
 * when there are any); the in-cluster reference of the {@link ImageRef} is what manifests use afterwards.
 */
public final class ImagePusher {
  private final DockerClients.Docker docker;
  private final RegistryCredentials given;

  public ImagePusher(DockerClients.Docker docker) {
    this(docker, null);
  }

  /** With {@code credentials} (in memory, sent as X-Registry-Auth) instead of ~/.docker's; null = ~/.docker's. */
  public ImagePusher(DockerClients.Docker docker, RegistryCredentials credentials) {
    this.docker = docker;
    this.given = credentials;
  }

  public void push(ImageRef ref, Consumer<String> log, Progress progress) {
    Callback callback = new Callback(line -> {
      log.accept(line);
      progress.report("push " + ref.repository() + ": " + line);
    });
    try {
      var cmd = docker.client().pushImageCmd(ref.pushRepository()).withTag(ref.tag());
      AuthConfig auth = credentials(ref);
      if (auth != null) {
        cmd.withAuthConfig(auth);
      }
      cmd.exec(callback);
      while (!callback.awaitDone(200)) {
        if (progress.isCancelled()) {
          callback.close();
          throw HostK8sException.user(ErrorCode.CANCELLED, "Push of " + ref.push() + " cancelled.", null);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw HostK8sException.user(ErrorCode.CANCELLED, "Push of " + ref.push() + " interrupted.", null);
    } catch (IOException e) {
      throw BuildProblems.daemonCall("push " + ref.push(), docker.endpoint(), new RuntimeException(e));
    } catch (HostK8sException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failed(ref, e);
    }
    if (callback.error != null) {
      throw BuildProblems.pushFailed(ref.push(), callback.error);
    }
    if (callback.failure() != null) {
      throw failed(ref, callback.failure() instanceof RuntimeException re ? re : new RuntimeException(callback.failure()));
    }
  }

  /** A docker-java failure of the push call: credentials problems by their message, the rest as daemon errors. */
  private HostK8sException failed(ImageRef ref, RuntimeException e) {
    String m = BuildProblems.rootMessage(e);
    String lower = m.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("unauthorized") || lower.contains("denied") || lower.contains("authentication required")) {
      return BuildProblems.pushFailed(ref.push(), m);
    }
    return BuildProblems.daemonCall("push " + ref.push(), docker.endpoint(), e);
  }

  private AuthConfig credentials(ImageRef ref) {
    if (given != null) {
      return new AuthConfig().withRegistryAddress(ref.pushHost()).withUsername(given.username()).withPassword(given.password());
    }
    try {
      AuthConfig auth = docker.config().effectiveAuthConfig(ref.pushRepository());
      return auth == null || auth.getUsername() == null && auth.getIdentitytoken() == null && auth.getAuth() == null ? null : auth;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Push stream: status lines to the log (one per layer state change, not per progress tick), first error kept. */
  private static final class Callback extends StreamCallback<PushResponseItem> {
    private final Consumer<String> log;
    private volatile String error;

    Callback(Consumer<String> log) {
      this.log = log;
    }

    @Override
    public void onNext(PushResponseItem item) {
      if (item.isErrorIndicated()) {
        String m = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
            ? item.getErrorDetail().getMessage() : item.getError();
        if (error == null) {
          error = m == null ? "unknown push error" : m.strip();
        }
        log.accept("ERROR: " + error);
      } else if (item.getStatus() != null && item.getProgressDetail() == null) {
        log.accept((item.getId() == null ? "" : item.getId() + ": ") + item.getStatus());
      }
    }
  }
}
