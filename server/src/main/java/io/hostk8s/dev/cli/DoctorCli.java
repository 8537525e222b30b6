package io.hostk8s.dev.cli;

import com.google.gson.JsonElement;
import java.util.function.Function;
import picocli.CommandLine.Command;

@Command(name = "doctor", description = "Check Java, the Docker daemon, kind, the kubeconfig and the registry; "
    + "print what is missing and how to fix it. Exit code 1 when a required check fails.")
final class DoctorCli extends EngineCommandCli {
  @Override
  String commandId() {
    return "hostk8s.doctor";
  }

  @Override
  Function<JsonElement, String> human() {
    return Formatters::doctor;
  }

  @Override
  Function<JsonElement, Integer> exitCode() {
    return Formatters::doctorExit;
  }
}
