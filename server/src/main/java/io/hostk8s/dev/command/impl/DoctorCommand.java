package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.doctor.Doctor;
import io.hostk8s.dev.doctor.DoctorReport;

/** {@code hostk8s.doctor}: checks Java, Docker, kind, kubeconfig and registry; says what is missing and the fix. */
public final class DoctorCommand implements Command {
  private final Doctor doctor;

  public DoctorCommand(Doctor doctor) {
    this.doctor = doctor;
  }

  @Override
  public String id() {
    return "hostk8s.doctor";
  }

  @Override
  public String title() {
    return "Check the environment (doctor)";
  }

  @Override
  public boolean longRunning() {
    return true;
  }

  @Override
  public Object run(CommandContext ctx) {
    ctx.progress().begin("HostK8s: doctor");
    DoctorReport report = doctor.run(ctx.engine().workspace(), ctx.progress());
    long failed = report.checks().stream().filter(c -> !c.ok()).count();
    ctx.progress().end(failed == 0 ? "all checks passed" : failed + " check(s) need attention");
    return report;
  }
}
