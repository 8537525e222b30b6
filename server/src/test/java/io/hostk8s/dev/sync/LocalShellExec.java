package io.hostk8s.dev.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the container commands with the local sh (targets are temp dirs): the real scripts without a cluster. Like
 * exec over the v4 channel protocol, stdin is not closed before the command exits.
 */
final class LocalShellExec implements PodExec {
  final AtomicInteger execs = new AtomicInteger();

  @Override
  public Result exec(PodRef pod, List<String> command, Input input, Duration timeout) throws IOException, InterruptedException {
    execs.incrementAndGet();
    Process p = new ProcessBuilder(command).start();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    OutputStream stdin = p.getOutputStream();
    if (input != null) {
      input.writeTo(stdin);
      stdin.flush();
    }
    // like exec over the v4 protocol: stdin stays open until the command has exited
    boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    stdin.close();
    if (!done) {
      p.destroyForcibly();
      throw new IOException("timeout");
    }
    return new Result(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8), new String(err.join(), StandardCharsets.UTF_8));
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return b.toByteArray();
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
