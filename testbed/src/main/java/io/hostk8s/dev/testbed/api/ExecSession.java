package io.hostk8s.dev.testbed.api;

import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.hostk8s.dev.testbed.kubelet.PodRuntime;
import io.hostk8s.dev.testbed.kubelet.ProcessTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code pods/exec}: runs the command in the pod (ordered by the pod's {@link io.hostk8s.dev.testbed.kubelet.ExecGate});
 * stdin on channel 0, stdout 1,
 * stderr 2, the final {@code Status} on 3. A client close ends the process's stdin; a process still running
 * {@value #ORPHAN_SECONDS} s after the client went away is killed.
 */
final class ExecSession extends WebSocketListener {

  private static final Logger LOG = Logger.getLogger(ExecSession.class.getName());
  private static final byte[] EOF = new byte[0];
  private static final int ORPHAN_SECONDS = 30;

  private final PodRuntime pod;
  private final List<String> command;
  private final boolean stdin;
  private final BlockingQueue<byte[]> input = new LinkedBlockingQueue<>();
  private volatile boolean clientGone;
  private volatile boolean stdinEnded;
  private volatile Process process;

  ExecSession(PodRuntime pod, List<String> command, boolean stdin) {
    this.pod = pod;
    this.command = command;
    this.stdin = stdin;
  }

  @Override
  public void onOpen(WebSocket ws, Response response) {
    Frames.daemon("exec-" + pod.name(), () -> run(ws));
  }

  private void run(WebSocket ws) {
    try {
      pod.execGate().awaitQuiet(Duration.ofSeconds(30));
      Process p = pod.exec(command);
      process = p;
      if (clientGone || stdinEnded) {
        pod.execGate().draining(p);
      }
      Thread in = Frames.daemon("exec-stdin-" + pod.name(), () -> feed(p.getOutputStream()));
      Thread out = Frames.daemon("exec-stdout-" + pod.name(), () -> pump(p.getInputStream(), ws, 1));
      Thread err = Frames.daemon("exec-stderr-" + pod.name(), () -> pump(p.getErrorStream(), ws, 2));
      Frames.daemon("exec-reaper-" + pod.name(), () -> reapOrphan(p));
      int code = p.waitFor();
      out.join();
      err.join();
      in.interrupt();
      Frames.send(ws, 3, status(code));
    } catch (IOException e) {
      Frames.send(ws, 3, failure("InternalError", "exec failed: " + e.getMessage(), 126));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      Frames.close(ws);
    }
  }

  private void clientLeft(boolean gone) {
    stdinEnded = true;
    clientGone |= gone;
    input.add(EOF);
    Process p = process;
    if (p != null) {
      pod.execGate().draining(p);
    }
  }

  private void feed(OutputStream procIn) {
    try (OutputStream os = procIn) {
      if (!stdin) {
        return;
      }
      while (true) {
        byte[] chunk = input.take();
        if (chunk == EOF) {
          return;
        }
        os.write(chunk);
        os.flush();
      }
    } catch (IOException | InterruptedException e) {
      // process gone or session over
    }
  }

  private static void pump(InputStream from, WebSocket ws, int channel) {
    byte[] buf = new byte[32 * 1024];
    try (InputStream in = from) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        Frames.send(ws, channel, buf, n);
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "exec output ended", e);
    }
  }

  private void reapOrphan(Process p) {
    try {
      while (p.isAlive()) {
        if (clientGone && !p.waitFor(ORPHAN_SECONDS, TimeUnit.SECONDS)) {
          LOG.info(() -> "killing exec " + command + " in " + pod.name() + ": client gone");
          ProcessTrees.kill(p.toHandle(), Duration.ofSeconds(2));
          return;
        }
        p.waitFor(200, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String status(int code) {
    return code == 0 ? "{\"metadata\":{},\"status\":\"Success\"}"
        : failure("NonZeroExitCode", "command terminated with non-zero exit code: exit code " + code, code);
  }

  private static String failure(String reason, String message, int code) {
    return "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"" + message.replace("\"", "'")
        + "\",\"reason\":\"" + reason + "\",\"details\":{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\""
        + code + "\"}]}}";
  }

  @Override
  public void onMessage(WebSocket ws, byte[] bytes) {
    if (bytes.length == 0) {
      return;
    }
    if (bytes[0] == 0 && bytes.length > 1) {
      input.add(Arrays.copyOfRange(bytes, 1, bytes.length));
    } else if ((bytes[0] & 0xff) == 255) {
      clientLeft(false);
    }
  }

  @Override
  public void onClosing(WebSocket ws, int code, String reason) {
    clientLeft(false);
  }

  @Override
  public void onClosed(WebSocket ws, int code, String reason) {
    clientLeft(true);
  }

  @Override
  public void onFailure(WebSocket ws, Throwable t, Response response) {
    clientLeft(true);
  }
}
