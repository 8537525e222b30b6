package io.hostk8s.dev.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Text of hostk8s.dev.yaml → effective config (over the voting-app defaults) plus every problem found:
 * YAML syntax, schema, and workspace checks. The environment (.env, CLUSTER_NAME…) is not applied here.
 * Never throws on bad input.
 */
public final class ConfigAnalyzer {
  private ConfigAnalyzer() {}

  /** The result of analysing one text. */
  public record Analysis(DevConfig config, YamlDocument document, List<ConfigProblem> problems) {
    public Analysis {
      problems = List.copyOf(problems);
    }
  }

  public static Analysis analyze(Path workspace, String text) {
    YamlDocument doc = YamlDocument.parse(text);
    List<ConfigProblem> problems = new ArrayList<>();
    doc.syntaxError().ifPresent(problems::add);
    problems.addAll(doc.warnings());
    problems.addAll(SchemaCheck.validate(doc));
    DevConfig merged = ConfigMerger.merge(doc.root(), Defaults.votingApp());
    DevConfig checked = WorkspaceChecks.check(workspace, doc, merged, problems);
    problems.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column)
        .thenComparing(ConfigProblem::message));
    return new Analysis(checked, doc, problems);
  }
}
