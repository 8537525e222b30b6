package io.hostk8s.dev.testbed.api;

import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.hostk8s.dev.testbed.net.Pipes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * {@code pods/portforward} for one port: sends the two port headers, then bridges channel 0 to the pod's local
 * port. A refused target becomes an error text on channel 1, then close. All socket I/O runs on this session's
 * own threads: the mock's event loop only enqueues.
 */
final class PortForwardSession extends WebSocketListener {

  private static final byte[] EOF = new byte[0];

  private final int containerPort;
  private final Integer localPort;
  private final String podName;
  private final BlockingQueue<byte[]> toTarget = new LinkedBlockingQueue<>();
  private volatile Socket socket;

  /** @param localPort the pod's local port for {@code containerPort}, or null when the pod has none */
  PortForwardSession(String podName, int containerPort, Integer localPort) {
    this.podName = podName;
    this.containerPort = containerPort;
    this.localPort = localPort;
  }

  @Override
  public void onOpen(WebSocket ws, Response response) {
    Frames.daemon("pf-" + podName + "-" + containerPort, () -> run(ws));
  }

  private void run(WebSocket ws) {
    byte[] header = {(byte) (containerPort & 0xff), (byte) ((containerPort >> 8) & 0xff)};
    Frames.send(ws, 0, header, 2);
    Frames.send(ws, 1, header, 2);
    Socket s = new Socket();
    try {
      if (localPort == null) {
        throw new IOException("connection refused");
      }
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), localPort), 5000);
    } catch (IOException e) {
      Frames.send(ws, 1, "error forwarding port " + containerPort + " to pod " + podName
          + ": failed to connect to localhost:" + containerPort + ": connection refused");
      Pipes.closeQuietly(s);
      Frames.close(ws);
      return;
    }
    socket = s;
    Frames.daemon("pf-write-" + podName, () -> drain(s));
    byte[] buf = new byte[32 * 1024];
    try (InputStream in = s.getInputStream()) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        if (!Frames.send(ws, 0, buf, n)) {
          break;
        }
      }
    } catch (IOException e) {
      // target or client closed
    } finally {
      Pipes.closeQuietly(s);
      Frames.close(ws);
    }
  }

  private void drain(Socket s) {
    try {
      OutputStream out = s.getOutputStream();
      while (true) {
        byte[] chunk = toTarget.take();
        if (chunk == EOF) {
          s.shutdownOutput();
          return;
        }
        out.write(chunk);
      }
    } catch (IOException | InterruptedException e) {
      Pipes.closeQuietly(s);
    }
  }

  @Override
  public void onMessage(WebSocket ws, byte[] bytes) {
    if (bytes.length > 1 && bytes[0] == 0) {
      toTarget.add(Arrays.copyOfRange(bytes, 1, bytes.length));
    }
  }

  @Override
  public void onClosing(WebSocket ws, int code, String reason) {
    toTarget.add(EOF);
  }

  @Override
  public void onClosed(WebSocket ws, int code, String reason) {
    toTarget.add(EOF);
    Socket s = socket;
    if (s != null) {
      Frames.daemon("pf-close-" + podName, () -> closeLater(s));
    }
  }

  @Override
  public void onFailure(WebSocket ws, Throwable t, Response response) {
    onClosed(ws, 1006, "failure");
  }

  private void closeLater(Socket s) {
    try {
      Thread.sleep(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Pipes.closeQuietly(s);
  }
}
