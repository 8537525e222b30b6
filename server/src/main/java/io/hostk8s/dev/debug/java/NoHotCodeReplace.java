package io.hostk8s.dev.debug.java;

import com.microsoft.java.debug.core.adapter.HotCodeReplaceEvent;
import com.microsoft.java.debug.core.adapter.IHotCodeReplaceProvider;
import io.reactivex.Observable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** No hot code replace: no events, and a redefine request fails with the way to run changed code. */
final class NoHotCodeReplace implements IHotCodeReplaceProvider {
  @Override
  public void onClassRedefined(Consumer<List<String>> consumer) {
    // never redefines
  }

  @Override
  public CompletableFuture<List<String>> redefineClasses() {
    return CompletableFuture.failedFuture(Unsupported.exception(Unsupported.HOT_CODE_REPLACE));
  }

  @Override
  public Observable<HotCodeReplaceEvent> getEventHub() {
    return Observable.never();
  }
}
