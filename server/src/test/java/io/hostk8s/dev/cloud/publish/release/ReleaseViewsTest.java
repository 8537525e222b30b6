package io.hostk8s.dev.cloud.publish.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.protocol.cloud.PublishHistoryResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `publish history`'s table: one column per field, aligned under its header; --json keeps the exact time. */
class ReleaseViewsTest {
  private static final Map<String, String> IMAGES = Map.of(
      "vote", "registry.digitalocean.com/r/hostk8s-vote:dev-f8eb99fdc640",
      "result", "registry.digitalocean.com/r/hostk8s-result:dev-0bdf30ffaa",
      "worker", "registry.digitalocean.com/r/hostk8s-worker:dev-d4be1079bb");

  @Test
  void theTableIsAlignedAndShowsTheTimeToTheSecond() {
    ReleaseHistory history = ReleaseHistory.empty()
        .with(new Release(1, Release.APPLY, "2026-12-06T18:32:19.823231882Z", null, IMAGES, List.of("result", "vote", "worker"), null))
        .with(new Release(2, Release.APPLY, "2026-12-06T18:35:13.603934775Z", "5d0e2b7c9a03aa", IMAGES, List.of("vote"), null))
        .with(new Release(3, Release.ROLLBACK, "2026-12-06T18:35:26.666Z", "5d0e2b7c9a03aa", IMAGES, List.of(), 1));
    PublishHistoryResult view = ReleaseViews.of(history, List.of(), null);
    List<String> table = view.lines();
    assertThat(table).hasSize(4);
    String header = table.get(0);
    for (String column : List.of("at", "commit", "changed", "images")) {
      int at = header.indexOf(column);
      for (String row : table.subList(1, 4)) {
        assertThat(row.charAt(at - 1)).as("'%s' starts a column in %s", column, row).isEqualTo(' ');
        assertThat(row.charAt(at)).as("'%s' column filled in %s", column, row).isNotEqualTo(' ');
      }
    }
    assertThat(table.get(1)).contains("2026-12-06T18:32:19Z ").contains("result,vote,worker ").doesNotContain(".823");
    assertThat(table.get(3)).startsWith("*").contains("back to 1");
    assertThat(view.releases().get(0).at()).as("--json").isEqualTo("2026-12-06T18:32:19.823231882Z");
  }
}
