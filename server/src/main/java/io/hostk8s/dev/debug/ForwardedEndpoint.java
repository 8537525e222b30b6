package io.hostk8s.dev.debug;

import io.hostk8s.dev.forward.Forward;
import io.hostk8s.dev.forward.PodRef;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The service's debug port through the engine's port-forward (127.0.0.1:localPort → a Ready pod), which follows
 * pod replacements. The forward belongs to the forward manager: closing this endpoint leaves it open.
 */
public final class ForwardedEndpoint implements DebugEndpoint {
  private final Forward forward;

  public ForwardedEndpoint(Forward forward) {
    this.forward = forward;
  }

  @Override
  public Address await(Duration timeout) {
    forward.awaitPod(timeout);
    return new Address("127.0.0.1", forward.localPort());
  }

  @Override
  public String describe() {
    String pod = forward.pod();
    return pod == null ? "service " + forward.service() + " (no Ready pod yet)" : "pod " + pod;
  }

  @Override
  public PodRef reaches() {
    return forward.podRef();
  }

  @Override
  public AutoCloseable onChange(Consumer<PodRef> listener) {
    return forward.onPodChange(pod -> {
      PodRef now = forward.podRef();
      listener.accept(now != null ? now : new PodRef(pod, null));
    });
  }

  @Override
  public void close() {
    // the forward is shared and stays up (status lists it)
  }
}
