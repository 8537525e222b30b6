package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.util.Json;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * CLI commands that keep something open until Ctrl-C (a forward, a log follow): run the start command on the
 * workspace's engine (its owner's, or one in this process), keep the engine, and on Ctrl-C/SIGTERM run the stop
 * command and close the engine before the JVM exits.
 */
final class CliSession {
  private CliSession() {}

  /**
   * {@code started} gets the start command's result (as JSON) and the engine (to subscribe to its notifications).
   * Returns the exit code; a failing start prints the error and returns 1. {@code stopArgs} is read at Ctrl-C: when
   * it gives null the stop command is not run.
   */
  static int run(CliOptions o, PrintWriter err, String startId, CommandArgs startArgs, String stopId, Supplier<CommandArgs> stopArgs,
      java.util.function.BiConsumer<JsonElement, Engine> started) {
    return run(o, err, e -> { }, startId, startArgs, stopId, stopArgs, started);
  }

  /** As above; {@code beforeStart} subscribes to the engine before the start command runs (so no notice is missed). */
  static int run(CliOptions o, PrintWriter err, Consumer<Engine> beforeStart, String startId, CommandArgs startArgs, String stopId,
      Supplier<CommandArgs> stopArgs, java.util.function.BiConsumer<JsonElement, Engine> started) {
    CliRuntime.initLogging(o);
    Engine engine;
    try {
      engine = CliRuntime.engine(o);
    } catch (RuntimeException e) {
      CliErrors.print(e, err);
      return CliErrors.FAILURE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread onCtrlC = new Thread(() -> {
      try {
        CommandArgs stop = stopArgs.get();
        if (stop != null) {
          engine.execute(stopId, stop, Progress.NONE).join();
        }
      } catch (RuntimeException ignored) {
        // stopping anyway
      }
      engine.close();
      stopped.countDown();
    });
    try {
      beforeStart.accept(engine);
      Object result = engine.execute(startId, startArgs, new CliProgress(err, true)).join();
      started.accept(result instanceof JsonElement je ? je : Json.GSON.toJsonTree(result), engine);
    } catch (RuntimeException e) {
      CliErrors.print(e, err);
      engine.close();
      return CliErrors.FAILURE;
    }
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** Prints and flushes (the session's output goes to a pipe as often as to a terminal). */
  static Consumer<String> printer(PrintWriter out) {
    return line -> {
      synchronized (out) {
        out.println(line);
        out.flush();
      }
    };
  }
}
