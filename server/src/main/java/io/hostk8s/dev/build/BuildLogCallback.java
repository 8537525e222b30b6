package io.hostk8s.dev.build;

import com.github.dockerjava.api.model.BuildResponseItem;
import java.util.function.Consumer;

/**
 * Receives the daemon's build stream: splits it into lines for the log consumer, remembers the current step
 * ({@code Step 3/5 : RUN …} from Docker, {@code STEP 3/5: RUN …} from Podman), the image id and the first error.
 */
final class BuildLogCallback extends StreamCallback<BuildResponseItem> {
  private final Consumer<String> lines;
  private final StringBuilder partial = new StringBuilder();
  private volatile String step;
  private volatile String imageId;
  private volatile String error;

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
  protected void beforeComplete() {
    synchronized (partial) {
      if (partial.length() > 0) {
        emit(partial.toString());
        partial.setLength(0);
      }
    }
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
}
