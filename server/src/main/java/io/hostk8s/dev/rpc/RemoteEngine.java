package io.hostk8s.dev.rpc;

import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.core.CallerEnv;
import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.engine.EngineListeners;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.EngineInfo;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.protocol.commands.CommandDescription;
import io.hostk8s.dev.util.ChannelStreams;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/** An engine that lives in another process (the workspace's owner), reached over its Unix socket. */
public final class RemoteEngine implements Engine, EngineListener {
  private final SocketChannel channel;
  private final EngineProtocol remote;
  private final String frontEnd;
  /** This process's Docker and registry variables, sent with each command ({@link CallerEnv}). */
  private final Map<String, String> env;
  private final EngineListeners listeners = new EngineListeners();
  private final Map<String, Progress> progress = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();

  private RemoteEngine(SocketChannel channel, String frontEnd, Map<String, String> env) {
    this.channel = channel;
    this.frontEnd = frontEnd;
    this.env = CallerEnv.of(env);
    Launcher<EngineProtocol> launcher = new Launcher.Builder<EngineProtocol>()
        .setLocalService(this).setRemoteInterface(EngineProtocol.class)
        .setInput(ChannelStreams.in(channel)).setOutput(ChannelStreams.out(channel)).create();
    this.remote = launcher.getRemoteProxy();
    CompletableFuture.runAsync(() -> {
      try {
        launcher.startListening().get();
      } catch (Exception ignored) {
        // owner went away
      }
      closed.complete(null);
    });
  }

  /** Attached as {@code frontEnd}; its commands run with this process's Docker and registry variables. */
  public static RemoteEngine connect(Path socket, String frontEnd) {
    return connect(socket, frontEnd, System.getenv());
  }

  /** The same, with the Docker and registry variables of {@code env} (the rest of it is not sent). */
  public static RemoteEngine connect(Path socket, String frontEnd, Map<String, String> env) {
    try {
      SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
      ch.connect(UnixDomainSocketAddress.of(socket));
      return new RemoteEngine(ch, frontEnd, env);
    } catch (IOException e) {
      throw new HostK8sException(ErrorCode.ENGINE_UNREACHABLE, "The workspace engine at " + socket + " does not answer: " + e.getMessage(),
          List.of("Remove the stale socket or restart the session (make dev / the IDE)."), true, e);
    }
  }

  /** Completes when the owner closes the connection. */
  public CompletableFuture<Void> closedFuture() {
    return closed;
  }

  @Override
  public CompletableFuture<Void> ownerGone() {
    return closed;
  }

  @Override
  public CompletableFuture<Object> execute(String commandId, CommandArgs args, Progress p) {
    String id = UUID.randomUUID().toString();
    progress.put(id, p);
    CompletableFuture<com.google.gson.JsonElement> call = remote.execute(
        new EngineProtocol.ExecuteRequest(commandId, new ArrayList<>(args.raw()), id, args.callerEnv().orElse(env)));
    CompletableFuture<Object> result = new CompletableFuture<>();
    result.whenComplete((v, t) -> {
      progress.remove(id);
      if (result.isCancelled()) {
        call.cancel(true);
      }
    });
    // a connection that ends answers nothing more: the command ends with the owner
    closed.thenRun(() -> result.completeExceptionally(new HostK8sException(ErrorCode.ENGINE_UNREACHABLE,
        "The workspace's engine went away (its owner stopped) while " + commandId + " ran.",
        List.of("Run it again: the next front end takes the engine over within seconds."), true, null)));
    call.whenComplete((v, t) -> {
      if (t != null) {
        result.completeExceptionally(RpcErrors.fromRemote(t));
      } else {
        result.complete(v);
      }
    });
    // a cancelled CLI progress (Ctrl-C) cancels the remote call
    CompletableFuture.runAsync(() -> {
      while (!result.isDone()) {
        if (p.isCancelled()) {
          result.cancel(true);
          return;
        }
        sleep(100);
      }
    });
    return result;
  }

  @Override
  public StatusSnapshot status() {
    return attached(get(remote.status()));
  }

  @Override
  public StatusSnapshot refresh() {
    return attached(get(remote.refresh()));
  }

  private StatusSnapshot attached(StatusSnapshot s) {
    EngineInfo owner = s.engine();
    return s.withEngine(new EngineInfo("attached", frontEnd + " → " + (owner == null ? "?" : owner.frontEnd()),
        owner == null ? 0 : owner.pid(), owner == null ? null : owner.workspace()));
  }

  @Override
  public void onStatus(Consumer<StatusSnapshot> listener) {
    listeners.onStatus(listener);
  }

  @Override
  public void onEvent(Consumer<HostK8sEvent> listener) {
    listeners.onEvent(listener);
  }

  @Override
  public void onLog(Consumer<io.hostk8s.dev.protocol.LogBatch> listener) {
    listeners.onLog(listener);
  }

  @Override
  public List<CommandDescription> commands() {
    return get(remote.commands());
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void statusChanged(StatusSnapshot status) {
    listeners.status(attached(status));
  }

  @Override
  public void event(HostK8sEvent event) {
    listeners.event(event);
  }

  @Override
  public void log(io.hostk8s.dev.protocol.LogBatch batch) {
    listeners.log(batch);
  }

  @Override
  public void progress(ProgressNotice n) {
    Progress p = progress.get(n.progressId());
    if (p == null) {
      return;
    }
    switch (n.kind()) {
      case "begin" -> p.begin(n.message());
      case "end" -> p.end(n.message());
      default -> p.report(n.message(), n.percentage());
    }
  }

  private static <T> T get(CompletableFuture<T> f) {
    try {
      return f.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw RpcErrors.fromRemote(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
