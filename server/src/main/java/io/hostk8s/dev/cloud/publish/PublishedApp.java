package io.hostk8s.dev.cloud.publish;

/** Where the published app lives on its cluster: known to publish, its status, debug mode, data and teardown. */
public final class PublishedApp {
  /** The app's namespace on the published cluster (voting-app/k8s/digitalocean). */
  public static final String NAMESPACE = "sample-app";

  private PublishedApp() {}
}
