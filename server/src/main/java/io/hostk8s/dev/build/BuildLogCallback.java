package io.hostk8s.dev.build;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Receives the daemon's build stream: splits it into lines for the log consumer, remembers the current step
 * ({@code Step 3/5 : RUN …} from Docker, {@code STEP 3/5: RUN …} from Podman), the image id and the first error.
 */
final class BuildLogCallback extends ResultCallback.Adapter<BuildResponseItem> {
  private final Consumer<String> lines;
  private final StringBuilder partial = new StringBuilder();
  private volatile String step;
  private volatile String imageId;
  private volatile String error;
  private volatile Throwable failure;
  private final CountDownLatch done = new CountDownLatch(1);

  BuildLogCallback(Consumer<String> lines) {
    this.lines = lines;
  }

  @Override
  public void onNext(BuildResponseItem item) {
    if (item.getStream() != null) {
      append(item.getStream());
    }
    if (item.isBuildSuccessIndicated() && item.getImageId() != null) {
      imageId = item.getImageId(); // {"aux":{"ID":…}} or "Successfully built …"
    }
    if (item.isErrorIndicated()) {
      String message = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
          ? item.getErrorDetail().getMessage() : item.getError();
      if (error == null) {
        error = message == null ? "unknown build error" : message.strip();
      }
      emit("ERROR: " + error);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    failure = throwable;
    try {
      super.onError(throwable);
    } finally {
      done.countDown();
    }
  }

  @Override
  public void onComplete() {
    synchronized (partial) {
      if (partial.length() > 0) {
        emit(partial.toString());
        partial.setLength(0);
      }
    }
    try {
      super.onComplete();
    } finally {
      done.countDown();
    }
  }

  /**
   * Waits for the end of the stream. Not {@code awaitCompletion(timeout)}: docker-java closes the stream when that
   * times out, which would abort any build longer than the poll interval.
   */
  boolean awaitDone(long millis) throws InterruptedException {
    return done.await(millis, TimeUnit.MILLISECONDS);
  }

  private void append(String chunk) {
    synchronized (partial) {
      partial.append(chunk);
      for (int nl; (nl = partial.indexOf("\n")) >= 0; ) {
        String line = partial.substring(0, nl).stripTrailing();
        partial.delete(0, nl + 1);
        emit(line);
      }
    }
  }

  private void emit(String line) {
    if (line.regionMatches(true, 0, "step ", 0, 5)) {
      step = line;
    }
    lines.accept(line);
  }

  String step() {
    return step;
  }

  String imageId() {
    return imageId;
  }

  String error() {
    return error;
  }

  Throwable failure() {
    return failure;
  }
}
