package io.hostk8s.dev.testbed.api;

import io.hostk8s.dev.testbed.kubelet.PodRuntime;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicBoolean;

/** Streams a pod's log file as a chunked response until the client goes away or the pod is removed. */
final class LogFollower {

  private LogFollower() {
  }

  static void follow(PodRuntime pod, String tailLines, HttpServerResponse resp) {
    AtomicBoolean closed = new AtomicBoolean();
    resp.setChunked(true).setStatusCode(200).putHeader("Content-Type", "text/plain");
    resp.closeHandler(v -> closed.set(true));
    resp.writeHead();
    Frames.daemon("log-follow-" + pod.name(), () -> {
      try {
        long offset = start(pod, tailLines);
        byte[] buf = new byte[16 * 1024];
        while (!closed.get()) {
          long size = Files.exists(pod.logFile()) ? Files.size(pod.logFile()) : 0;
          if (size > offset) {
            try (RandomAccessFile f = new RandomAccessFile(pod.logFile().toFile(), "r")) {
              f.seek(offset);
              int n = f.read(buf);
              if (n > 0) {
                offset += n;
                resp.write(Buffer.buffer(java.util.Arrays.copyOf(buf, n)));
                continue;
              }
            }
          } else if (pod.isStopped()) {
            break;
          }
          Thread.sleep(100);
        }
      } catch (IOException | RuntimeException e) {
        // client gone or file removed
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!closed.get()) {
        resp.end();
      }
    });
  }

  private static long start(PodRuntime pod, String tailLines) throws IOException {
    if (!Files.exists(pod.logFile()) || tailLines == null) {
      return 0;
    }
    String text = Files.readString(pod.logFile(), StandardCharsets.ISO_8859_1);
    return text.length() - LogTail.lastLines(text, Integer.parseInt(tailLines)).length();
  }
}
