package io.hostk8s.dev.cluster;

import io.hostk8s.dev.process.ProcessResult;
import io.hostk8s.dev.process.ProcessRunner;
import io.hostk8s.dev.process.ProcessSpec;
import io.hostk8s.dev.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Records every spec; answers scripted output lines and exit codes chosen by the argv (joined with spaces) it contains. */
final class FakeProcessRunner implements ProcessRunner {
  record Answer(List<String> lines, int exit) {}

  final List<ProcessSpec> specs = new CopyOnWriteArrayList<>();
  private final Map<String, Answer> answers = new java.util.LinkedHashMap<>();

  FakeProcessRunner answer(String argvContains, int exit, String... lines) {
    answers.put(argvContains, new Answer(List.of(lines), exit));
    return this;
  }

  List<List<String>> argvs() {
    return specs.stream().map(ProcessSpec::command).toList();
  }

  @Override
  public ProcessResult run(ProcessSpec spec, Consumer<String> lines, Progress progress) {
    specs.add(spec);
    String argv = String.join(" ", spec.command());
    Answer a = answers.entrySet().stream().filter(e -> argv.contains(e.getKey())).map(Map.Entry::getValue).findFirst()
        .orElse(new Answer(List.of(), 0));
    a.lines().forEach(lines);
    return new ProcessResult(a.exit(), new ArrayList<>(a.lines()));
  }
}
