package io.hostk8s.dev.command;

import io.hostk8s.dev.command.impl.TargetSetCommand;
import io.hostk8s.dev.cluster.ClusterService;
import io.hostk8s.dev.command.dev.DevCommand;
import io.hostk8s.dev.command.dev.DevStopCommand;
import io.hostk8s.dev.command.impl.BuildCommand;
import io.hostk8s.dev.command.impl.ClusterStartCommand;
import io.hostk8s.dev.command.impl.ClusterStatusCommand;
import io.hostk8s.dev.command.impl.ClusterStopCommand;
import io.hostk8s.dev.command.impl.ConfigShowCommand;
import io.hostk8s.dev.command.impl.DebugEndpointCommand;
import io.hostk8s.dev.command.impl.DeployCommand;
import io.hostk8s.dev.command.impl.RestartCommand;
import io.hostk8s.dev.command.impl.DoctorCommand;
import io.hostk8s.dev.command.impl.ForwardListCommand;
import io.hostk8s.dev.command.impl.ForwardStartCommand;
import io.hostk8s.dev.command.impl.ForwardStopCommand;
import io.hostk8s.dev.command.impl.LogsFollowCommand;
import io.hostk8s.dev.command.impl.LogsStopCommand;
import io.hostk8s.dev.command.impl.RunLocalCommand;
import io.hostk8s.dev.command.impl.RunStopCommand;
import io.hostk8s.dev.command.impl.SandboxDownCommand;
import io.hostk8s.dev.command.impl.SandboxUpCommand;
import io.hostk8s.dev.command.publish.PublishApplyCommand;
import io.hostk8s.dev.command.publish.PublishPlanCommand;
import io.hostk8s.dev.command.publish.PublishStatusCommand;
import io.hostk8s.dev.command.publish.PublishDomainCommand;
import io.hostk8s.dev.command.publish.PublishDataCommand;
import io.hostk8s.dev.command.publish.PublishDebugPlanCommand;
import io.hostk8s.dev.command.publish.PublishDebugStartCommand;
import io.hostk8s.dev.command.publish.PublishDebugStopCommand;
import io.hostk8s.dev.command.publish.PublishHistoryCommand;
import io.hostk8s.dev.command.publish.PublishRollbackCommand;
import io.hostk8s.dev.command.publish.PublishTeardownCommand;
import io.hostk8s.dev.command.impl.StatusCommand;
import io.hostk8s.dev.command.impl.SyncExplainCommand;
import io.hostk8s.dev.command.impl.SyncStartCommand;
import io.hostk8s.dev.command.impl.SyncStopCommand;
import io.hostk8s.dev.command.impl.UpCommand;
import io.hostk8s.dev.debug.DebugAdapterHost;
import io.hostk8s.dev.doctor.Doctor;
import io.hostk8s.dev.process.ProcessRunner;
import io.hostk8s.dev.sandbox.SandboxLauncher;
import io.hostk8s.dev.sandbox.SandboxPreflight;

/** The standard command table. Adding a command = one class + one line here (+ its CLI subcommand). */
public final class Commands {
  private Commands() {}

  /** The ids of the standard commands without an engine: exactly {@code CommandIds.server()}, which LSP initialize announces. */
  public static java.util.List<String> ids() {
    return standard((spec, lines, progress) -> {
      throw new IllegalStateException("not for running");
    }).ids();
  }

  public static CommandRegistry standard(ProcessRunner processes) {
    return standard(processes, DebugAdapterHost.NONE);
  }

  /** The table, with {@code adapter} answering {@code hostk8s.debug.endpoint} (the DAP front end's listener). */
  public static CommandRegistry standard(ProcessRunner processes, DebugAdapterHost adapter) {
    SandboxLauncher sandbox = new SandboxLauncher(processes);
    SandboxPreflight preflight = new SandboxPreflight(processes);
    ClusterService cluster = ClusterService.standard(processes);
    UpCommand up = new UpCommand(cluster, sandbox, preflight);
    SandboxDownCommand sandboxDown = new SandboxDownCommand(sandbox);
    return new CommandRegistry() // in CommandIds.server()'s order (CommandsMatchProtocolTest)
        .register(new StatusCommand())
        .register(new DoctorCommand(Doctor.standard(preflight)))
        .register(new ConfigShowCommand())
        .register(new ClusterStartCommand(cluster))
        .register(new ClusterStopCommand(cluster))
        .register(new ClusterStatusCommand(cluster))
        .register(new SandboxUpCommand(sandbox))
        .register(sandboxDown)
        .register(up)
        .register(new BuildCommand())
        .register(new DeployCommand())
        .register(new RestartCommand())
        .register(new SyncStartCommand())
        .register(new SyncStopCommand())
        .register(new SyncExplainCommand())
        .register(new ForwardStartCommand())
        .register(new ForwardStopCommand())
        .register(new ForwardListCommand())
        .register(new LogsFollowCommand())
        .register(new LogsStopCommand())
        .register(new RunLocalCommand())
        .register(new RunStopCommand())
        .register(new DebugEndpointCommand(adapter))
        .register(new DevCommand(up, adapter))
        .register(new DevStopCommand(sandboxDown))
        .register(new PublishPlanCommand())
        .register(new PublishApplyCommand())
        .register(new PublishStatusCommand())
        .register(new PublishTeardownCommand())
        .register(new PublishDomainCommand())
        .register(new PublishHistoryCommand())
        .register(new PublishRollbackCommand())
        .register(new PublishDataCommand(true))
        .register(new PublishDataCommand(false))
        .register(new PublishDebugPlanCommand())
        .register(new PublishDebugStartCommand())
        .register(new PublishDebugStopCommand())
        .register(new TargetSetCommand());
  }
}
