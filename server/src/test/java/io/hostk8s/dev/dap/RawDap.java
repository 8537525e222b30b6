package io.hostk8s.dev.dap;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Raw bytes to the adapter (to send broken frames) and DAP messages read back. */
final class RawDap implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawDap(String host, int port) throws IOException {
    socket = new Socket(host, port);
    socket.setSoTimeout(30_000);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
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
  JsonObject response(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    while (true) {
      JsonObject m = next();
      if ("response".equals(m.get("type").getAsString())) {
        return m;
      }
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
    socket.close();
  }
}
