package io.hostk8s.dev.debug.java;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A real JVM started with a JDWP agent on a free loopback port; counts the lines it prints. */
public final class JvmDebuggee implements AutoCloseable {
  final Process process;
  public final int port;
  final AtomicLong lines = new AtomicLong();
  private final CompletableFuture<Void> listening = new CompletableFuture<>();

  private JvmDebuggee(Process process, int port) {
    this.process = process;
    this.port = port;
    Thread t = new Thread(this::pump, "debuggee-stdout");
    t.setDaemon(true);
    t.start();
  }

  public static JvmDebuggee start(Path classpath, String mainClass) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    return start(classpath, mainClass, port);
  }

  /** A JVM listening on {@code port} (e.g. the successor of one that was closed: the same address, a new VM). */
  static JvmDebuggee start(Path classpath, String mainClass, int port) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:" + port,
        "-cp", classpath.toString(), mainClass).redirectErrorStream(true).start();
    JvmDebuggee d = new JvmDebuggee(p, port);
    d.listening.get(30, TimeUnit.SECONDS);
    return d;
  }

  private void pump() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("Listening for transport dt_socket")) {
          listening.complete(null);
        }
        lines.incrementAndGet();
      }
    } catch (IOException e) {
      listening.completeExceptionally(e);
    }
    listening.completeExceptionally(new IOException("debuggee output ended before JDWP listened"));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
