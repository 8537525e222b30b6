package io.hostk8s.dev.protocol;

import java.util.List;

/** A batch of a service's pod log lines ({@code hostk8s/log}); {@code pod} is the pod they came from. */
public record LogBatch(String service, String pod, List<String> lines) {
  public LogBatch {
    lines = List.copyOf(lines);
  }
}
