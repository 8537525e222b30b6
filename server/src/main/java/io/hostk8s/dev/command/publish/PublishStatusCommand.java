package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.cloud.publish.CloudSession;
import io.hostk8s.dev.cloud.publish.CloudStatusReader;
import io.hostk8s.dev.cloud.publish.PublishState;
import io.hostk8s.dev.cloud.publish.app.AppStatus;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.cloud.CloudStatus;
import io.hostk8s.dev.protocol.cloud.PublishResult;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.PublishStatusArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code hostk8s.publish.status}: what publish created, checked live against DigitalOcean. */
public final class PublishStatusCommand extends CloudPublishCommand<PublishStatusArgs> {
  public PublishStatusCommand() {
    super(CommandIds.PUBLISH_STATUS, "Show what is published on DigitalOcean (checked live: cluster, nodes, load "
        + "balancer, DNS, certificate, services, HTTPS)", PublishStatusArgs.class,
        ResultView.message("Publish status: {summary}").withLines("lines"), PublishStatusArgs::apiUrl);
  }

  @Override
  protected Done execute(CommandContext ctx, PublishStatusArgs args, CloudSession session) {
    Optional<PublishState> state = session.state();
    CloudStatus cloud = CloudStatusReader.live(session.api(), state);
    List<String> lines = new ArrayList<>();
    AppStatus.Live live = null;
    if ("running".equals(cloud.state()) && state.isPresent()) {
      live = AppStatus.live(session.api(), state.get(), ctx.engine().workspace().env(),
          session.settings(null).acmeStaging());
      cloud = cloud.withNodes(live.nodesReady(), live.nodesTotal()).withApp(live.app());
    }
    session.publishStatus(cloud);
    String summary;
    if ("none".equals(cloud.state())) {
      summary = "nothing published from this workspace";
      lines.add(summary + " (run publish plan, then publish apply)");
    } else {
      summary = "cluster " + cloud.cluster() + " " + cloud.state() + (cloud.registry() == null ? "" : ", registry "
          + cloud.registry() + (Boolean.TRUE.equals(cloud.registryIntegrated()) ? " (pull access on)" : ""));
      lines.add("cluster  " + cloud.cluster() + " (" + cloud.clusterId() + ") in " + cloud.region() + ": " + cloud.state()
          + (cloud.message() == null || cloud.message().isBlank() ? "" : " — " + cloud.message()));
      lines.add("registry " + cloud.registry());
      lines.add("kubeconfig " + cloud.kubeconfig());
      if (live != null) {
        lines.addAll(live.lines());
      }
      if (cloud.app() != null) {
        summary = cloud.app().url() + (Boolean.TRUE.equals(cloud.app().httpsOk()) ? " answers over HTTPS"
            : " does not answer over HTTPS") + " — " + summary;
      }
      if (cloud.monthlyUsd() != null) {
        lines.add(String.format(Locale.ROOT, "estimated cost $%.2f/month while it exists", cloud.monthlyUsd()));
      }
    }
    boolean ok = !"error".equals(cloud.state()) && (cloud.app() == null || !Boolean.FALSE.equals(cloud.app().httpsOk()));
    return new Done(new PublishResult(ok, summary, cloud, lines, session.calls()), summary);
  }
}
