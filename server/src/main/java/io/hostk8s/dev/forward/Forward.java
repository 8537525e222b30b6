package io.hostk8s.dev.forward;

import java.time.Duration;
import java.util.function.Consumer;

/** One open port-forward; connections to 127.0.0.1:{@link #localPort()} reach the current pod's remote port. */
public interface Forward {
  String service();

  String name();

  int localPort();

  int remotePort();

  /** The pod connections currently go to, or null while none is Ready. */
  String pod();

  /**
   * The pod connections currently go to, by name and uid (a pod's identity: a replacement has another uid, even
   * under the same name), or null while none is Ready.
   */
  default PodRef podRef() {
    String p = pod();
    return p == null ? null : new PodRef(p, null);
  }

  /**
   * Waits until a Ready pod is resolved and the forward is serving; returns the pod's name. Fails with a
   * HostK8sException (clear message + fix) on timeout, unknown service, or no pods.
   */
  String awaitPod(Duration timeout);

  /**
   * Calls {@code listener} with the new pod's name each time the forward moves to another pod (replacement,
   * restart; another uid under the same name counts); the returned handle removes the listener.
   */
  AutoCloseable onPodChange(Consumer<String> listener);
}
