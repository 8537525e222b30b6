package io.hostk8s.dev.dap;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Raw bytes to the adapter (to send broken frames) and DAP messages read back. */
final class RawDap implements AutoCloseable {
  private static final JsonObject CLOSED = new JsonObject();
  private final AdapterLink link;
  private final InputStream in;
  private final OutputStream out;
  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();

  RawDap(String host, int port) throws IOException {
    this(AdapterLink.tcp(host, port));
  }

  RawDap(AdapterLink link) {
    this.link = link;
    in = new BufferedInputStream(link.in);
    out = link.out;
    Thread t = new Thread(this::readAll, "raw-dap-reader");
    t.setDaemon(true);
    t.start();
  }

  private void readAll() {
    try {
      while (true) {
        received.add(next());
      }
    } catch (IOException | RuntimeException e) {
      received.add(CLOSED);
    }
  }

  void raw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  void frame(String json) throws IOException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    raw(("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    raw(b);
  }

  void request(int seq, String command, String argumentsJson) throws IOException {
    frame("{\"seq\":" + seq + ",\"type\":\"request\",\"command\":\"" + command + "\""
        + (argumentsJson == null ? "" : ",\"arguments\":" + argumentsJson) + "}");
  }

  /** The next response (events are skipped), or fails after {@code timeout}. */
  JsonObject response(Duration timeout) throws IOException, InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonObject m = received.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (m == null) {
        throw new IOException("no response within " + timeout);
      }
      if (m == CLOSED) {
        received.add(CLOSED);
        throw new IOException("connection closed");
      }
      if ("response".equals(m.get("type").getAsString())) {
        return m;
      }
    }
  }

  /** Every message received until the adapter closed the connection (fails when it stays open past {@code timeout}). */
  List<JsonObject> untilClosed(Duration timeout) throws IOException, InterruptedException {
    List<JsonObject> all = new ArrayList<>();
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonObject m = received.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (m == null) {
        throw new IOException("the adapter kept the connection open for " + timeout + "; received " + all);
      }
      if (m == CLOSED) {
        received.add(CLOSED);
        return all;
      }
      all.add(m);
    }
  }

  private JsonObject next() throws IOException {
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    int length = -1;
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("connection closed");
      }
      header.write(c);
      String h = header.toString(StandardCharsets.US_ASCII);
      if (h.endsWith("\r\n\r\n")) {
        for (String line : h.split("\r\n")) {
          if (line.startsWith("Content-Length:")) {
            length = Integer.parseInt(line.substring(15).trim());
          }
        }
        break;
      }
    }
    return JsonParser.parseString(new String(in.readNBytes(length), StandardCharsets.UTF_8)).getAsJsonObject();
  }

  @Override
  public void close() throws IOException {
    link.close();
  }
}
