package io.hostk8s.dev.core;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.List;

/**
 * Refuses dev-only behaviour on the cloud target: file sync into pods, the dev transform (deploying the dev images
 * and manifests), in-cluster debugging. They would change the production app behind the published URL.
 */
public final class DevOnly {
  private DevOnly() {}

  /** Fails with 7060 when the workspace's target is the cloud; {@code what} names the action ("file sync"). */
  public static void refuseOnCloud(Workspace ws, String what, String why) {
    if (ws.target().cloud()) {
      throw new HostK8sException(ErrorCode.TARGET_DEV_ONLY, "The target is DigitalOcean (the published app): " + what
          + " is for the local cluster only — " + why + ".", List.of(
              "Switch back to the local cluster: `hostk8s-dev target local` (VS Code: HostK8s: Set Target → local), "
                  + "or run this one command with --target local.",
              "To change the published app, use `hostk8s-dev publish apply` (production images, no dev transform)."),
          true, null);
    }
  }
}
