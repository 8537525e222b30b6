package io.hostk8s.dev.testbed.ingress;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.util.logging.Logger;

/**
 * Entry point of the stand-in pods' processes (started by {@code recipes.StandInRecipe}): {@code traefik} (the
 * ingress controller), {@code cert-manager} (ingress-shim and issuance by the test CA), {@code idle} (cert-manager's
 * cainjector and webhook: health ports only). Logs go to stderr, i.e. the pod's log. Runs until killed.
 */
public final class StandInMain {

  private static final Logger LOG = Logger.getLogger(StandInMain.class.getName());

  private StandInMain() {
  }

  public static void main(String[] argv) throws Exception {
    StandInArgs args = StandInArgs.parse(argv);
    LOG.info(() -> "stand-in " + args.mode() + " starting; ports " + args.ports() + ", args " + args.containerArgs());
    switch (args.mode()) {
      case "idle" -> new HealthServer(args.ports().values());
      case "traefik" -> new TraefikStandIn(client(args), args).start();
      case "cert-manager" -> {
        new HealthServer(args.ports().values());
        new CertManagerStandIn(client(args), TestCa.loadOrCreate(args.stateDir())).start();
      }
      default -> throw new IllegalArgumentException("unknown stand-in " + args.mode());
    }
    Thread.currentThread().join();
  }

  private static KubernetesClient client(StandInArgs args) throws Exception {
    Config config = Config.fromKubeconfig(null, Files.readString(args.kubeconfig()), args.kubeconfig().toString());
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
