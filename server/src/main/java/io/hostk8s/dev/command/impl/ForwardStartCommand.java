package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.forward.Forward;
import io.hostk8s.dev.forward.ForwardDefaults;
import io.hostk8s.dev.forward.ForwardTarget;
import io.hostk8s.dev.forward.PortForwards;
import io.hostk8s.dev.protocol.ForwardStatus;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.ForwardStartArgs;
import java.time.Duration;

/**
 * {@code hostk8s.forward.start [{service, port?, portName?, localPort?, name?}]}: opens (or returns) the forward
 * 127.0.0.1:localPort → a Ready pod of the service; port defaults to the pod's port named {@code portName} (e.g.
 * "http"; FORWARD_NO_PORT when the pod template has none), else the service's first container port, name to
 * the port's name in the pod template, localPort to the debug config's {@code localPort} for the debug port, else
 * a stable port. Waits up to 10 s for a pod; the result is the forward's status (state {@code reconnecting} while
 * no pod is Ready — the forward stays open and follows the first one).
 */
public final class ForwardStartCommand implements Command {
  static final Duration WAIT = Duration.ofSeconds(10);

  @Override
  public String id() {
    return CommandIds.FORWARD_START;
  }

  @Override
  public String title() {
    return "Forward a local port to a service's pod";
  }

  @Override
  public String category() {
    return "Forward";
  }

  @Override
  public Class<? extends Record> arguments() {
    return ForwardStartArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("{service} is forwarded to 127.0.0.1:{localPort}.").withUrl("url");
  }

  @Override
  public Object run(CommandContext ctx) {
    return open(ctx.engine(), ctx.args().as(ForwardStartArgs.class));
  }

  /** Opens (or returns) the forward {@code a} describes; also what {@code hostk8s.dev} opens for each http port. */
  public static ForwardStatus open(EngineServices engine, ForwardStartArgs a) {
    String service = a.service();
    Integer port = a.port();
    String name = a.name();
    String portName = a.portName();
    if (port == null && portName != null) { // the pod's port of that name, e.g. "http"; FORWARD_NO_PORT when there is none
      port = ForwardTarget.resolve(engine.kube(), engine.workspace().config().config(), service)
          .containerPort(engine.kube(), portName);
      name = name == null ? portName : name;
    }
    Forward f = ForwardDefaults.open(engine, service, port, a.localPort(), name);
    try {
      f.awaitPod(WAIT);
    } catch (HostK8sException e) {
      // no Ready pod yet: the forward stays open and follows the first one (state "reconnecting" says so)
    }
    return PortForwards.of(engine).list().stream()
        .filter(s -> s.service().equals(f.service()) && s.name().equals(f.name())).findFirst()
        .orElse(new ForwardStatus(f.service(), f.name(), f.localPort(), f.remotePort(), f.pod(), "reconnecting", null));
  }
}
