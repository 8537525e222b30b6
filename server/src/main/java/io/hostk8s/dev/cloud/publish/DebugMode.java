package io.hostk8s.dev.cloud.publish;

/**
 * One service of the published app in debug mode ({@code hostk8s-dev publish debug start}), as recorded in the
 * publish state (the Deployment's annotation is the cluster's record of the same).
 *
 * @param service    the service (hostk8s.dev.yaml)
 * @param deployment the Deployment changed
 * @param runtime    {@code python} (debugpy) or {@code java} (JDWP)
 * @param port       the debugger's container port
 * @param image      the image it runs while debugging (vote: the dev image; the worker: its production image)
 * @param since      ISO-8601 time debug mode started
 */
public record DebugMode(String service, String deployment, String runtime, int port, String image, String since) {

  /** The status line users must not forget: the service, what runs, since when, and the way back. */
  public String line() {
    return service + ": DEBUG MODE since " + since + " — " + runtime + " debugger on port " + port + ", image " + image
        + ", 1 replica; back to production: hostk8s-dev publish debug stop";
  }
}
