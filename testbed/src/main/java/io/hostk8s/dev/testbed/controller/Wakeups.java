package io.hostk8s.dev.testbed.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Wakes the control loop when pods, Deployments or Services change (watches), instead of fast polling. */
final class Wakeups implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Wakeups.class.getName());

  private final KubernetesClient client;
  private final Semaphore signal = new Semaphore(0);
  private final List<Watch> watches = new ArrayList<>();
  private volatile boolean broken = true;

  Wakeups(KubernetesClient client) {
    this.client = client;
  }

  /** (Re)opens the watches if one of them ended. */
  synchronized void ensureWatching() {
    if (!broken) {
      return;
    }
    closeWatches();
    try {
      watches.add(client.pods().inAnyNamespace().watch(watcher()));
      watches.add(client.apps().deployments().inAnyNamespace().watch(watcher()));
      watches.add(client.services().inAnyNamespace().watch(watcher()));
      broken = false;
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "cannot watch yet", e);
    }
  }

  private <T> Watcher<T> watcher() {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, T resource) {
        wake();
      }

      @Override
      public void onClose(WatcherException cause) {
        broken = true;
        wake();
      }
    };
  }

  void wake() {
    signal.release();
  }

  /** Waits for a change or {@code millis}, whichever comes first. */
  void await(long millis) throws InterruptedException {
    if (signal.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
      signal.drainPermits();
    }
  }

  private void closeWatches() {
    watches.forEach(w -> {
      try {
        w.close();
      } catch (RuntimeException e) {
        // closing anyway
      }
    });
    watches.clear();
  }

  @Override
  public synchronized void close() {
    broken = false;
    closeWatches();
  }
}
