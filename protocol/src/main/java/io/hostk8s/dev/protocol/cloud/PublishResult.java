package io.hostk8s.dev.protocol.cloud;

import java.util.List;

/**
 * {@code hostk8s.publish.apply}, {@code .status} and {@code .teardown}: where the published app stands.
 *
 * @param ok       the command did what it said (apply: cluster running, registry integrated; teardown: nothing we
 *                 created is left)
 * @param summary  one line
 * @param cloud    the cloud part of the status snapshot after the command
 * @param lines    what happened, step by step
 * @param apiCalls DigitalOcean API requests this command made
 */
public record PublishResult(boolean ok, String summary, CloudStatus cloud, List<String> lines, int apiCalls) {
  public PublishResult {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }
}
