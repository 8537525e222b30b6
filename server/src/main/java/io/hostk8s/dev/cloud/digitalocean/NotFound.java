package io.hostk8s.dev.cloud.digitalocean;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.Optional;
import java.util.function.Supplier;

/** A lookup whose 404 means "there is none". */
final class NotFound {
  private NotFound() {}

  static <T> Optional<T> empty(Supplier<T> call) {
    try {
      return Optional.ofNullable(call.get());
    } catch (HostK8sException e) {
      if (e.code() == ErrorCode.CLOUD_NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
