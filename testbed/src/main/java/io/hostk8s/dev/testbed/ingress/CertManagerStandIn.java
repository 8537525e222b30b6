package io.hostk8s.dev.testbed.ingress;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cert-manager stand-in: every {@value #POLL_MS} ms the issuers' status, the ingress-shim, then the
 * certificates controller (see {@link CertificateIssuer}). The real ACME exchange with Let's Encrypt is out of
 * reach here: the test CA ({@link TestCa}) signs instead.
 */
final class CertManagerStandIn {

  static final long POLL_MS = 1000;
  private static final Logger LOG = Logger.getLogger(CertManagerStandIn.class.getName());

  private final IssuerStatus issuers;
  private final IngressShim shim;
  private final CertificateIssuer certificates;

  CertManagerStandIn(KubernetesClient client, TestCa ca) {
    CmObjects objects = new CmObjects(client);
    this.issuers = new IssuerStatus(client, objects);
    this.shim = new IngressShim(client, objects);
    this.certificates = new CertificateIssuer(client, objects, ca);
  }

  void start() {
    Thread loop = new Thread(() -> {
      while (true) {
        round();
        try {
          Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "cert-manager-controllers");
    loop.setDaemon(true);
    loop.start();
    LOG.info("cert-manager stand-in running (ingress-shim, certificates; test CA signs)");
  }

  private void round() {
    for (Runnable step : new Runnable[] {issuers::sync, shim::sync, certificates::sync}) {
      try {
        step.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "cert-manager stand-in round failed: " + e.getMessage(), e);
      }
    }
  }
}
