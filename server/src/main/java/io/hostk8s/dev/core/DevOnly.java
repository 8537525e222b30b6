package io.hostk8s.dev.core;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.List;

/**
 * Refuses dev-only behaviour on the cloud target: file sync into pods, the dev transform (deploying the dev images
 * and manifests), in-cluster debugging. They would change the production app behind the published URL. The one
 * exception is a debug session the person asked for ({@code hostk8s-dev publish debug start}): the published
 * Deployment then carries {@value #CLOUD_DEBUG_ANNOTATION}, and attaching to that service is allowed.
 */
public final class DevOnly {
  /** On a published Deployment: the service is in debug mode on the cloud (its value: what debug mode runs). */
  public static final String CLOUD_DEBUG_ANNOTATION = "hostk8s.dev/cloud-debug";
  /** The command that puts a published service into debug mode, and what it costs, for messages. */
  public static final String DEBUG_START_HINT = "To debug the published app anyway, ask for it explicitly: `hostk8s-dev "
      + "publish debug start --service SERVICE` (VS Code: HostK8s: Debug the Published App). It shows what it "
      + "costs first: a dev image (vote: Dockerfile.dev with debugpy, running as root) or a JDWP agent (the worker) in "
      + "production, one replica, a paused breakpoint holding real visitors' requests; `publish debug stop` restores "
      + "production.";

  private DevOnly() {}

  /** Fails with 7060 when the workspace's target is the cloud; {@code what} names the action ("file sync"). */
  public static void refuseOnCloud(Workspace ws, String what, String why) {
    refuseOnCloud(ws, what, why, List.of());
  }

  /** As {@link #refuseOnCloud(Workspace, String, String)}, with {@code more} suggestions after the way back. */
  public static void refuseOnCloud(Workspace ws, String what, String why, List<String> more) {
    if (ws.target().cloud()) {
      List<String> suggestions = new java.util.ArrayList<>(List.of(
          "Switch back to the local cluster: `hostk8s-dev target local` (VS Code: HostK8s: Set Target → local), "
              + "or run this one command with --target local.",
          "To change the published app, use `hostk8s-dev publish apply` (production images, no dev transform)."));
      suggestions.addAll(more);
      throw new HostK8sException(ErrorCode.TARGET_DEV_ONLY, "The target is DigitalOcean (the published app): " + what
          + " is for the local cluster only — " + why + ".", List.copyOf(suggestions), true, null);
    }
  }
}
