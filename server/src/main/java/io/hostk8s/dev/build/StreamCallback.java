package io.hostk8s.dev.build;

import com.github.dockerjava.api.async.ResultCallback;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A docker-java stream callback that remembers the transport failure and signals the end of the stream on a
 * latch of its own. Waiting goes through {@link #awaitDone}, not {@code awaitCompletion(timeout)}: docker-java
 * closes the stream when that times out, which would abort any build or push longer than the poll interval.
 */
abstract class StreamCallback<T> extends ResultCallback.Adapter<T> {
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile Throwable failure;

  /** Called once before the stream is marked complete (e.g. to flush a partial line). */
  protected void beforeComplete() {}

  @Override
  public void onError(Throwable throwable) {
    failure = throwable;
    try {
      super.onError(throwable);
    } finally {
      done.countDown();
    }
  }

  @Override
  public void onComplete() {
    try {
      beforeComplete();
      super.onComplete();
    } finally {
      done.countDown();
    }
  }

  boolean awaitDone(long millis) throws InterruptedException {
    return done.await(millis, TimeUnit.MILLISECONDS);
  }

  Throwable failure() {
    return failure;
  }
}
