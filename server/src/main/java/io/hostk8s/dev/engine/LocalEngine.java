package io.hostk8s.dev.engine;

import io.hostk8s.dev.cluster.ClusterProbe;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.command.CommandDescriptions;
import io.hostk8s.dev.command.CommandRegistry;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.protocol.commands.CommandDescription;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Logger;

/** Runs commands in this process on a named executor; the owner of a workspace's engine. */
public final class LocalEngine implements Engine {
  private static final Logger LOG = Logger.getLogger(LocalEngine.class.getName());
  private final EngineServices services;
  private final CommandRegistry registry;
  private final ExecutorService executor;
  private final AtomicInteger running = new AtomicInteger();
  private final java.util.List<Runnable> closeHooks = new java.util.concurrent.CopyOnWriteArrayList<>();

  public LocalEngine(EngineServices services, CommandRegistry registry) {
    this.services = services;
    this.registry = registry;
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "hostk8s-command-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  public EngineServices services() {
    return services;
  }

  @Override
  public CompletableFuture<Object> execute(String commandId, CommandArgs args, Progress progress) {
    Command command = registry.get(commandId);
    CompletableFuture<Object> future = new CompletableFuture<>();
    Progress cancellable = new FutureAwareProgress(progress, future);
    executor.execute(() -> {
      if (future.isDone()) {
        return;
      }
      running.incrementAndGet();
      long t0 = System.nanoTime();
      try {
        LOG.fine(() -> "running " + commandId);
        Object result = command.run(new CommandContext(services, args, cancellable));
        future.complete(result);
      } catch (HostK8sException e) {
        future.completeExceptionally(e);
      } catch (CompletionException e) {
        future.completeExceptionally(e.getCause() == null ? e : e.getCause());
      } catch (Exception | Error e) {
        future.completeExceptionally(e);
      } finally {
        running.decrementAndGet();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        LOG.fine(() -> commandId + " finished in " + ms + " ms");
      }
    });
    return future;
  }

  @Override
  public StatusSnapshot status() {
    return services.status().get();
  }

  @Override
  public StatusSnapshot refresh() {
    return ClusterProbe.refresh(services);
  }

  @Override
  public void onStatus(Consumer<StatusSnapshot> listener) {
    services.status().onChange(listener);
  }

  @Override
  public void onEvent(Consumer<HostK8sEvent> listener) {
    services.events().subscribe(listener);
  }

  @Override
  public void onLog(Consumer<io.hostk8s.dev.protocol.LogBatch> listener) {
    io.hostk8s.dev.logs.LogBus.of(services).subscribe(listener);
  }

  @Override
  public List<CommandDescription> commands() {
    List<String> names = List.copyOf(services.workspace().config().config().services().keySet());
    List<String> debuggable = services.workspace().config().config().services().entrySet().stream()
        .filter(e -> e.getValue().debug() != null).map(java.util.Map.Entry::getKey).toList();
    return CommandDescriptions.of(registry.all(), names, debuggable);
  }

  @Override
  public void onOwned(Consumer<LocalEngine> hook) {
    hook.accept(this);
  }

  /** Runs {@code hook} when the engine closes (e.g. to release its socket). */
  public void onClose(Runnable hook) {
    closeHooks.add(hook);
  }

  @Override
  public void close() {
    closeHooks.forEach(Runnable::run);
    closeHooks.clear();
    services.close();
    executor.shutdownNow();
  }

  /** Adds "the caller cancelled the future" to the wrapped progress's own cancellation. */
  private record FutureAwareProgress(Progress delegate, CompletableFuture<?> future) implements Progress {
    @Override public void begin(String title) { delegate.begin(title); }
    @Override public void report(String message, Integer percentage) { delegate.report(message, percentage); }
    @Override public void end(String message) { delegate.end(message); }
    @Override public boolean isCancelled() { return future.isCancelled() || delegate.isCancelled(); }
  }
}
