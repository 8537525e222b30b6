package io.hostk8s.dev.testbed.digitalocean;

import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.digitalocean.ccm.CloudControllerSwitches;
import io.hostk8s.dev.testbed.digitalocean.ccm.LoadBalancerController;
import io.hostk8s.dev.testbed.digitalocean.csi.BlockStorageClass;
import io.hostk8s.dev.testbed.digitalocean.csi.VolumeDirs;
import io.hostk8s.dev.testbed.digitalocean.csi.VolumeProvisioner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What DigitalOcean runs inside a DOKS cluster, for one stand-in cluster: the cloud-controller-manager (load
 * balancers) and the CSI driver (the {@code do-block-storage} class, volumes), reconciling every
 * {@value #PERIOD_MS} ms on one thread. Closed before the cluster's sandbox.
 */
final class DoksControllers implements AutoCloseable {

  static final long PERIOD_MS = 400;
  private static final Logger LOG = Logger.getLogger(DoksControllers.class.getName());

  private final String clusterId;
  private final LoadBalancerController loadBalancers;
  private final VolumeProvisioner volumes;
  private final ScheduledExecutorService loop;

  DoksControllers(Account account, String clusterId, Sandbox sandbox, CloudControllerSwitches switches,
      VolumeDirs dirs) {
    this.clusterId = clusterId;
    BlockStorageClass.install(sandbox.client());
    loadBalancers = new LoadBalancerController(account, clusterId, sandbox, switches);
    volumes = new VolumeProvisioner(account, clusterId, sandbox, dirs);
    loop = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "doks-controllers-" + clusterId.substring(0, 8));
      t.setDaemon(true);
      return t;
    });
    loop.scheduleWithFixedDelay(this::tick, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    run("cloud-controller", loadBalancers::reconcile);
    run("CSI", volumes::reconcile);
  }

  private void run(String what, Runnable pass) {
    try {
      pass.run();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "cluster " + clusterId + ": " + what + " pass failed (retried)", e);
    }
  }

  @Override
  public void close() {
    loop.shutdownNow();
    try {
      loop.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    loadBalancers.close();
  }
}
