package io.hostk8s.dev.testbed.api;

import io.fabric8.mockwebserver.http.WebSocket;
import java.nio.charset.StandardCharsets;

/** The {@code v4.channel.k8s.io} framing: the first byte of each binary message is the channel. */
final class Frames {

  private Frames() {
  }

  static boolean send(WebSocket ws, int channel, byte[] data, int len) {
    byte[] frame = new byte[len + 1];
    frame[0] = (byte) channel;
    System.arraycopy(data, 0, frame, 1, len);
    return ws.send(frame);
  }

  static boolean send(WebSocket ws, int channel, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return send(ws, channel, b, b.length);
  }

  static void close(WebSocket ws) {
    try {
      ws.close(1000, "");
    } catch (RuntimeException e) {
      // already closed
    }
  }

  static Thread daemon(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
