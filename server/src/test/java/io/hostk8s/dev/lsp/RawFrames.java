package io.hostk8s.dev.lsp;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test-only raw access to LSP framing, to send malformed input and check every stdout byte is a frame. */
final class RawFrames {
  final List<JsonObject> received = new CopyOnWriteArrayList<>();
  final List<String> garbage = new CopyOnWriteArrayList<>();

  static void send(OutputStream out, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    out.write(("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(b);
    out.flush();
  }

  /** Reads frames until the stream ends; anything not shaped like a frame is recorded as garbage. */
  void readAll(InputStream in) {
    Thread t = new Thread(() -> {
      try {
        while (true) {
          String header = readHeaderBlock(in);
          if (header == null) {
            return;
          }
          int len = -1;
          for (String line : header.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
              len = Integer.parseInt(line.substring(15).trim());
            }
          }
          if (len < 0) {
            garbage.add(header);
            continue;
          }
          byte[] body = in.readNBytes(len);
          received.add(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
        }
      } catch (Exception e) {
        garbage.add("reader failed: " + e);
      }
    }, "raw-frames");
    t.setDaemon(true);
    t.start();
  }

  private static String readHeaderBlock(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      buf.write(c);
      String s = buf.toString(StandardCharsets.US_ASCII);
      if (s.endsWith("\r\n\r\n")) {
        return s;
      }
    }
    return null;
  }

  JsonObject response(int id) {
    return received.stream().filter(o -> o.has("id") && !o.get("id").isJsonNull() && o.get("id").getAsString().equals(String.valueOf(id)))
        .findFirst().orElse(null);
  }
}
