package io.hostk8s.dev.command;

import io.hostk8s.dev.command.impl.ConfigShowCommand;
import io.hostk8s.dev.command.impl.DoctorCommand;
import io.hostk8s.dev.command.impl.SandboxDownCommand;
import io.hostk8s.dev.command.impl.SandboxUpCommand;
import io.hostk8s.dev.command.impl.StatusCommand;
import io.hostk8s.dev.doctor.Doctor;
import io.hostk8s.dev.process.ProcessRunner;
import io.hostk8s.dev.sandbox.SandboxLauncher;

/** The standard command table. Adding a command = one class + one line here (+ its CLI subcommand). */
public final class Commands {
  private Commands() {}

  /** The ids of the standard commands (announced in LSP initialize before any engine exists). */
  public static java.util.List<String> ids() {
    return standard((spec, lines, progress) -> {
      throw new IllegalStateException("not for running");
    }).ids();
  }

  public static CommandRegistry standard(ProcessRunner processes) {
    SandboxLauncher sandbox = new SandboxLauncher(processes);
    return new CommandRegistry()
        .register(new StatusCommand())
        .register(new DoctorCommand(Doctor.standard()))
        .register(new ConfigShowCommand())
        .register(new SandboxUpCommand(sandbox))
        .register(new SandboxDownCommand(sandbox));
  }
}
