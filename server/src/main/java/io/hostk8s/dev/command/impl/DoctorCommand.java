package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.check.DevTarget;
import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.doctor.Doctor;
import io.hostk8s.dev.doctor.DoctorReport;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.DoctorArgs;

/**
 * {@code hostk8s.doctor}: checks what the target needs — a real cluster (Java, Docker, kind, kubeconfig, registry) or
 * the sandbox (Java, its jar and runtimes, its kubeconfig once it runs) — chosen as {@code make dev} chooses, or by
 * the arg {@code target: "cluster" | "sandbox"}; says what is missing and the fix.
 */
public final class DoctorCommand implements Command {
  private final Doctor doctor;

  public DoctorCommand(Doctor doctor) {
    this.doctor = doctor;
  }

  @Override
  public String id() {
    return CommandIds.DOCTOR;
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
  public String category() {
    return "Status";
  }

  @Override
  public Class<? extends Record> arguments() {
    return DoctorArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("HostK8s doctor: {summary}").withLines("lines").withOk("ok").withProblems("problems")
        .withFixes("fixes");
  }

  @Override
  public Object run(CommandContext ctx) {
    ctx.progress().begin("HostK8s: doctor");
    String forced = ctx.args().as(DoctorArgs.class).target();
    if (forced != null && !forced.equals(DevTarget.CLUSTER) && !forced.equals(DevTarget.SANDBOX)) {
      throw HostK8sException.user(ErrorCode.INVALID_ARGUMENTS, "Unknown doctor target '" + forced + "'.",
          "Pass {\"target\": \"cluster\"} or {\"target\": \"sandbox\"}, or leave it out to check what `make dev` would use.");
    }
    // the Docker of the front end that asked (a terminal's DOCKER_HOST), as for build: what `make dev` there would use
    DoctorReport report = doctor.run(ctx.engine().workspace().forCaller(ctx.args().callerEnv()), forced, ctx.progress());
    long failed = report.checks().stream().filter(c -> !c.ok() && c.required()).count();
    ctx.progress().end(failed == 0 ? "everything " + report.target() + " needs is in place" : failed + " check(s) need attention");
    return report;
  }
}
