package io.hostk8s.dev.core;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.Locale;

/**
 * Which cluster a workspace works against: {@link #LOCAL} (the sandbox or the configured cluster, as
 * {@code config.KubeconfigResolver} orders them) or {@link #DIGITALOCEAN} (the cluster publish made, through the
 * kubeconfig publish fetched). The same features (status, tree, logs, forwards) serve both; dev-only ones
 * (sync, the dev transform, in-cluster debugging) refuse the cloud ({@link DevOnly}).
 */
public enum Target {
  LOCAL("local"),
  DIGITALOCEAN("digitalocean");

  private final String id;

  Target(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public boolean cloud() {
    return this == DIGITALOCEAN;
  }

  /** {@code local}, {@code digitalocean} or its alias {@code cloud} (any case); anything else fails with 7062. */
  public static Target parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "local" -> LOCAL;
      case "digitalocean", "cloud", "do" -> DIGITALOCEAN;
      default -> throw HostK8sException.user(ErrorCode.TARGET_UNKNOWN, "Unknown target '" + text + "'.",
          "Use local (the sandbox or your local cluster) or digitalocean (alias cloud: the cluster publish made).");
    };
  }
}
