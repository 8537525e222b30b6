package io.hostk8s.dev.protocol.cloud;

import java.util.List;
import java.util.Map;

/**
 * {@code hostk8s.publish.data.push} / {@code .pull}: what was copied.
 *
 * @param from   {@code local} or {@code cloud}
 * @param to     the other one
 * @param rows   table → rows, counted on both sides after the copy (they are equal when {@code ok})
 * @param millis how long the copy took
 */
public record PublishDataResult(boolean ok, String summary, String from, String to, Map<String, Long> rows,
    List<String> lines, long millis) {
  public PublishDataResult {
    rows = rows == null ? Map.of() : Map.copyOf(rows);
    lines = lines == null ? List.of() : List.copyOf(lines);
  }
}
