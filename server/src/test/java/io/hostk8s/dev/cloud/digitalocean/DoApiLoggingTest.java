package io.hostk8s.dev.cloud.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.error.HostK8sException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token never reaches a log line, an exception message, a suggestion or a cause (raw, before any redaction). */
class DoApiLoggingTest {
  private final Logger logger = Logger.getLogger("io.hostk8s.dev.cloud");
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final SimpleFormatter formatter = new SimpleFormatter();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      lines.add(formatter.format(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Level before;

  @BeforeEach
  void captureLogs() {
    before = logger.getLevel();
    logger.setLevel(Level.ALL);
    capture.setLevel(Level.ALL);
    logger.addHandler(capture);
  }

  @AfterEach
  void restore() {
    logger.removeHandler(capture);
    logger.setLevel(before);
  }

  @Test
  void aFailingCallLogsOneFineLinePerRequestAndNeverTheToken() throws Exception {
    StringBuilder seen = new StringBuilder();
    try (DoTestServer fake = new DoTestServer(); DigitalOcean digitalOcean = DigitalOcean.connect(fake.config())) {
      fake.enqueue(500, DoTestServer.error("server_error", "oops", "r1"));
      fake.enqueue(401, DoTestServer.error("unauthorized", "Unable to authenticate you.", "r2"));
      try {
        digitalOcean.account().get();
      } catch (HostK8sException e) {
        seen.append(e.getMessage()).append('\n').append(String.join("\n", e.suggestions())).append('\n');
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        seen.append(trace);
      }
      fake.enqueue(403, DoTestServer.error("forbidden", "no", "r3"));
      try {
        digitalOcean.registry().dockerCredentials("demo", true, 60);
      } catch (HostK8sException e) {
        seen.append(e.getMessage()).append(e.suggestions());
      }
      assertThat(fake.server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + DoTestServer.TOKEN);
    }
    assertThat(seen).contains("Unable to authenticate you.").contains("(request r2)");
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("GET /v2/account 500"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("GET /v2/account 401"));
    String all = String.join("", lines) + seen;
    assertThat(all).doesNotContain(DoTestServer.TOKEN).doesNotContain(DoTestServer.TOKEN.substring(7, 30))
        .doesNotContain("Bearer");
  }
}
