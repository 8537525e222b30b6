package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.cloud.publish.CloudSession;
import io.hostk8s.dev.cloud.publish.CloudStatusReader;
import io.hostk8s.dev.cloud.publish.PublishApply;
import io.hostk8s.dev.cloud.publish.alerts.AlertPolicies;
import io.hostk8s.dev.cloud.publish.app.AppPublisher;
import io.hostk8s.dev.cloud.publish.app.AppStatus;
import io.hostk8s.dev.cloud.publish.app.CloudImageStep;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.config.AlertsConfig;
import io.hostk8s.dev.protocol.cloud.CloudStatus;
import io.hostk8s.dev.protocol.cloud.PublishResult;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.PublishArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code hostk8s.publish.apply}: creates or reuses the DOKS cluster and the registry and lets the cluster pull
 * from it, then publishes the app (unless {@code infraOnly}). Refuses without {@code yes} (clients show the plan
 * and ask first). Resumable: run it again after a Ctrl-C or an error and it converges on the same resources.
 */
public final class PublishApplyCommand extends CloudPublishCommand<PublishArgs> {
  public PublishApplyCommand() {
    super(CommandIds.PUBLISH_APPLY, "Publish to DigitalOcean: cluster, registry, images, ingress, DNS, TLS and the app",
        PublishArgs.class, ResultView.message("Publish: {summary}").withLines("lines").withOk("ok")
            .withUrl("cloud.app.url", "Open the app"), PublishArgs::apiUrl);
    progress("HostK8s: publishing to DigitalOcean", "publish failed");
    consent(a -> yes(a.yes()), "Publish apply creates DigitalOcean resources that bill", "Read `hostk8s-dev publish "
        + "plan`, then run `hostk8s-dev publish apply --yes` (the IDE asks you in a dialog).");
  }

  @Override
  protected Done execute(CommandContext ctx, PublishArgs args, CloudSession session) throws Exception {
    ctx.engine().status().update(s -> s.withBusy("publish"));
    try {
      PublishApply.Outcome out = new PublishApply(session.api(), session.store(), CloudSession.REAL_TIME,
          CloudSession.PROVISION_TIMEOUT).apply(session.settings(args.plan()), session.apiUrl(), ctx.progress());
      CloudStatus cloud = CloudStatusReader.offline(Optional.of(out.state()));
      cloud = new CloudStatus(cloud.provider(), "running", cloud.cluster(), cloud.clusterId(), cloud.region(), null,
          cloud.registry(), cloud.registryIntegrated(), cloud.kubeconfig(), cloud.monthlyUsd(), null, out.state().updatedAt());
      List<String> lines = new ArrayList<>(out.lines());
      lines.addAll(new AlertPolicies(session.api()).apply(
          new AlertPolicies.Cluster(out.state().clusterId(), out.state().clusterName()), alerts(ctx)));
      String cost = String.format(Locale.ROOT, " (about $%.2f/month)", out.plan().monthlyUsd());
      boolean ok = true;
      String summary = "cluster " + cloud.cluster() + " running, registry " + cloud.registry() + " ready" + cost;
      if (!yes(args.infraOnly())) {
        AppPublisher.Outcome app = new AppPublisher(ctx.engine(), session.api(), session.store(), CloudSession.REAL_TIME,
            CloudImageStep.of(ctx.engine()), CloudSession.APP_TIMEOUT)
            .publish(out.state(), session.settings(args.plan()), out.plan().account(), ctx.progress());
        lines.addAll(app.lines());
        app.warnings().forEach(w -> lines.add("warning: " + w));
        cloud = cloud.withApp(AppStatus.recorded(app.state().app()));
        ok = app.httpsOk();
        summary = (ok ? "published: " : "published, but the HTTPS check failed: ") + app.url() + cost;
      }
      session.publishStatus(cloud);
      lines.add(session.calls() + " DigitalOcean API requests");
      return new Done(new PublishResult(ok, summary, cloud, lines, session.calls()), summary);
    } finally {
      ctx.engine().status().update(s -> "publish".equals(s.busy()) ? s.withBusy(null) : s);
    }
  }

  /** {@code cloud.digitalocean.alerts} of hostk8s.dev.yaml (null: none). */
  private static AlertsConfig alerts(CommandContext ctx) {
    var cloud = ctx.engine().workspace().config().config().cloud();
    return cloud == null || cloud.digitalocean() == null ? null : cloud.digitalocean().alerts();
  }
}
