package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.cloud.publish.CloudSession;
import io.hostk8s.dev.cloud.publish.CloudStatusReader;
import io.hostk8s.dev.cloud.publish.PublishState;
import io.hostk8s.dev.cloud.publish.app.AppStatus;
import io.hostk8s.dev.cloud.publish.app.DomainPublisher;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.cloud.CloudStatus;
import io.hostk8s.dev.protocol.cloud.PublishResult;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.PublishDomainArgs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code hostk8s.publish.domain} ({@code make setup-domain}): the DNS and certificate part of publish alone, for a
 * cluster you bring (the current kubeconfig) or the one {@code publish apply --infra-only} made. Refuses without
 * {@code yes}: the ingress controller's load balancer bills.
 */
public final class PublishDomainCommand extends CloudPublishCommand<PublishDomainArgs> {
  public PublishDomainCommand() {
    super(CommandIds.PUBLISH_DOMAIN, "Set up the domain on DigitalOcean: ingress controller, load balancer, DNS record "
        + "and certificate", PublishDomainArgs.class, ResultView.message("Domain: {summary}").withLines("lines")
        .withOk("ok"), PublishDomainArgs::apiUrl);
    progress("HostK8s: setting up the domain on DigitalOcean", "domain set-up failed");
    consent(a -> yes(a.yes()), "Setting up the domain installs an ingress controller whose DigitalOcean load balancer "
        + "bills", "Run `hostk8s-dev publish domain --yes` (the IDE asks you in a dialog).");
  }

  @Override
  protected Done execute(CommandContext ctx, PublishDomainArgs args, CloudSession session) throws Exception {
    PublishState state = session.state().orElse(PublishState.empty(session.apiUrl()));
    Path kubeconfig = state.kubeconfig() != null ? Path.of(state.kubeconfig()) : ctx.engine().workspace().kubeconfig();
    DomainPublisher.Outcome out = new DomainPublisher(session.api(), session.store(), CloudSession.REAL_TIME,
        CloudSession.APP_TIMEOUT).publish(state, kubeconfig, ctx.engine().workspace().root(),
        ctx.engine().workspace().env(), session.settings(null), session.api().account().get().email(), ctx.progress());
    List<String> lines = new ArrayList<>(out.lines());
    out.warnings().forEach(w -> lines.add("warning: " + w));
    lines.add(session.calls() + " DigitalOcean API requests");
    CloudStatus cloud = CloudStatusReader.offline(Optional.of(out.state()))
        .withApp(AppStatus.recorded(out.state().appOrEmpty()));
    session.publishStatus(cloud);
    boolean ok = !out.certificate() || out.httpsOk();
    String summary = !out.certificate() ? out.state().appOrEmpty().host() + " points at the load balancer; no certificate yet"
        : out.httpsOk() ? out.url() + " answers over HTTPS" : out.url() + " does not answer over HTTPS";
    return new Done(new PublishResult(ok, summary, cloud, lines, session.calls()), summary);
  }
}
