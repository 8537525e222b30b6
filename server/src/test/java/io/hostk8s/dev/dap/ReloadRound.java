package io.hostk8s.dev.dap;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;

/**
 * One save of vote's app.py measured by the reload bench: the edited handler {@code /bench} returns a new version;
 * {@code /bench} is requested until the new version answers — with a debugger, until a request stops at the breakpoint
 * in that handler and the stopped frame's {@code version} is the new one (each stop is read and continued).
 */
final class ReloadRound {
  static final String ROUTE = "\n\n@app.route(\"/bench\")\ndef bench():\n    version = \"%s\"\n    return version\n";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Figures of one save: -1 where not measured. */
  record Result(long servedMs, boolean stopped, long reattachMs, long detectMs, long loadMs) {}

  private ReloadRound() {}

  static int breakpointLine(String base) {
    return base.split("\n", -1).length + List.of(ROUTE.split("\n", -1)).indexOf("    return version");
  }

  static String source(String base, String version) {
    return base + ROUTE.formatted(version);
  }

  /** Saves {@code version} and waits until it is served (and, with {@code ide}, stops at the breakpoint). */
  static Result run(Path appPy, String base, String version, int port, DapTestClient ide) throws Exception {
    long attachedBefore = ide == null ? 0 : attached(ide);
    long reattach = -1;
    long t0 = System.nanoTime();
    Files.writeString(appPy, source(base, version));
    long end = t0 + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end) {
      CompletableFuture<HttpResponse<String>> f = HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/bench"))
          .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
      boolean stoppedNew = false;
      long servedAt = 0;
      while (!f.isDone() && System.nanoTime() < end) {
        if (reattach < 0 && ide != null && attached(ide) > attachedBefore) {
          reattach = (System.nanoTime() - t0) / 1_000_000;
        }
        StoppedEventArguments st = ide == null ? null : ide.awaitStopped(Duration.ofMillis(5));
        if (st != null) {
          String seen = versionAt(ide, st);
          if (seen.equals("'" + version + "'")) {
            stoppedNew = true;
            servedAt = System.nanoTime();
          }
          resume(ide, st);
        } else if (ide == null) {
          Thread.sleep(2);
        }
      }
      HttpResponse<String> r;
      try {
        r = f.get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        Thread.sleep(20);
        continue;
      }
      if (r.statusCode() == 200 && r.body().equals(version)) {
        long served = ((stoppedNew ? servedAt : System.nanoTime()) - t0) / 1_000_000;
        String h = r.headers().firstValue("X-Dev-Reload").orElse("");
        boolean stops = ide == null || stoppedNew || stopsOnce(port, version, ide);
        return new Result(served, stops, reattach, field(h, "detect-ms"), field(h, "load-ms"));
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("version " + version + " not served within 60 s");
  }

  /** A request after the reload must stop at the breakpoint in the new code. */
  private static boolean stopsOnce(int port, String version, DapTestClient ide) throws Exception {
    CompletableFuture<HttpResponse<String>> f = HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/bench"))
        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    StoppedEventArguments st = ide.awaitStopped(Duration.ofSeconds(15));
    if (st == null) {
      return false;
    }
    String seen = versionAt(ide, st);
    resume(ide, st);
    f.get(30, TimeUnit.SECONDS);
    return seen.equals("'" + version + "'");
  }

  /** Continues; a stop of a process the reloader is replacing may never be answered: logged, not fatal. */
  private static void resume(DapTestClient ide, StoppedEventArguments st) throws InterruptedException {
    ContinueArguments ca = new ContinueArguments();
    ca.setThreadId(st.getThreadId());
    try {
      ide.server.continue_(ca).get(5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      System.err.println("  continue not answered (a process being replaced?): " + e);
    }
  }

  private static String versionAt(DapTestClient ide, StoppedEventArguments st) throws InterruptedException {
    StackTraceArguments sta = new StackTraceArguments();
    sta.setThreadId(st.getThreadId());
    StackFrame top;
    try {
      top = ide.server.stackTrace(sta).get(10, TimeUnit.SECONDS).getStackFrames()[0];
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return "?";
    }
    EvaluateArguments ea = new EvaluateArguments();
    ea.setFrameId(top.getId());
    ea.setExpression("version");
    ea.setContext("repl");
    try {
      return ide.server.evaluate(ea).get(10, TimeUnit.SECONDS).getResult();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return "?";
    }
  }

  private static long attached(DapTestClient ide) {
    return ide.output.stream().filter(o -> o.contains("attached to process")).count();
  }

  private static long field(String header, String name) {
    for (String part : header.split(";")) {
      String[] kv = part.trim().split("=");
      if (kv.length == 2 && kv[0].equals(name)) {
        return Long.parseLong(kv[1]);
      }
    }
    return -1;
  }
}
