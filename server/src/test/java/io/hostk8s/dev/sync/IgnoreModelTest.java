package io.hostk8s.dev.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.build.DockerIgnore;
import java.util.List;
import org.junit.jupiter.api.Test;

class IgnoreModelTest {
  static final DockerIgnore VOTE_DOCKERIGNORE = DockerIgnore.parse(List.of("__pycache__/", "*.pyc", "# comment", ".git/",
      "Dockerfile*", "docs/", "!docs/keep.md"));

  static IgnoreModel vote(List<String> ignore) {
    return IgnoreModel.of(VOTE_DOCKERIGNORE, ".", ignore, "voting-app/vote/.dockerignore", "services.vote.sync[0].ignore");
  }

  @Test
  void configIgnoresUseGitignoreSemanticsAtAnyDepth() {
    IgnoreModel m = vote(List.of("__pycache__/", "*.pyc"));
    IgnoreDecision d = m.decide("static/__pycache__/x.cpython-311.pyc", false);
    assertThat(d.ignored()).isTrue();
    assertThat(d.source()).isEqualTo("services.vote.sync[0].ignore[0]");
    assertThat(d.via()).isEqualTo("directory static/__pycache__/ is ignored");
    assertThat(m.decide("tests/test_app.pyc", false).source()).isEqualTo("services.vote.sync[0].ignore[1]");
    assertThat(m.decide("app.py", false)).isEqualTo(IgnoreDecision.NO_RULE);
    assertThat(m.decide("app.py", false).describe()).isEqualTo("no ignore rule matches");
  }

  @Test
  void dockerignoreDecidesWithItsFileAndLineAndItsExceptions() {
    IgnoreModel m = vote(List.of());
    IgnoreDecision d = m.decide("Dockerfile.dev", false);
    assertThat(d.ignored()).isTrue();
    assertThat(d.describe()).isEqualTo("ignored by voting-app/vote/.dockerignore:5 \"Dockerfile*\"");
    assertThat(m.ignored("docs/a.md", false)).isTrue();
    IgnoreDecision keep = m.decide("docs/keep.md", false);
    assertThat(keep.ignored()).isFalse();
    assertThat(keep.line()).isEqualTo(7);
    assertThat(keep.describe()).startsWith("re-included by voting-app/vote/.dockerignore:7");
    // Docker semantics: __pycache__/ only at the context root
    assertThat(m.ignored("__pycache__/a.pyc", false)).isTrue();
    assertThat(m.decide("pkg/__pycache__/a.py", false).ignored()).isFalse();
  }

  @Test
  void configPatternsWinOverDockerignoreAndCanReInclude() {
    IgnoreModel m = vote(List.of("!Dockerfile.dev", "/build", "static/*.map"));
    assertThat(m.decide("Dockerfile.dev", false).ignored()).isFalse();
    assertThat(m.decide("Dockerfile.dev", false).source()).isEqualTo("services.vote.sync[0].ignore[0]");
    assertThat(m.ignored("build/out.js", false)).as("anchored dir at the root").isTrue();
    assertThat(m.ignored("src/build/out.js", false)).as("anchored: not deeper").isFalse();
    assertThat(m.ignored("static/app.js.map", false)).isTrue();
    assertThat(m.ignored("static/css/app.css.map", false)).as("* stays in one segment").isFalse();
  }

  @Test
  void aPathBelowAnIgnoredDirectoryStaysIgnoredInTheGitignoreLayer() {
    IgnoreModel m = vote(List.of("node_modules/", "!node_modules/keep.js"));
    assertThat(m.decide("node_modules/keep.js", false).ignored()).isTrue();
    assertThat(m.decide("a/node_modules", true).ignored()).isTrue();
    assertThat(m.decide("a/node_modules", false).ignored()).as("dir-only pattern, a plain file").isFalse();
  }

  @Test
  void builtInsCatchEditorLitterButLoseToExplicitRules() {
    IgnoreModel m = vote(List.of());
    assertThat(m.decide(".app.py.swp", false).source()).isEqualTo("built-in");
    assertThat(m.decide("4913", false).ignored()).isTrue();
    assertThat(m.decide("app.py~", false).ignored()).isTrue();
    assertThat(m.decide(".git/HEAD", false).ignored()).isTrue();
    assertThat(vote(List.of("!*.swp")).decide("x.swp", false).ignored()).isFalse();
  }

  @Test
  void prunableOnlyWhenNothingBelowCanComeBack() {
    assertThat(vote(List.of("node_modules/")).prunable("node_modules")).as("dockerignore has a ! exception").isFalse();
    IgnoreModel plain = IgnoreModel.of(DockerIgnore.parse(List.of("tmp/")), ".", List.of("node_modules/"), "d", "c");
    assertThat(plain.prunable("node_modules")).isTrue();
    assertThat(plain.prunable("tmp")).isTrue();
    assertThat(plain.prunable("src")).isFalse();
    IgnoreModel negating = IgnoreModel.of(DockerIgnore.parse(List.of("tmp/")), ".", List.of("!tmp/keep"), "d", "c");
    assertThat(negating.prunable("tmp")).isFalse();
  }

  @Test
  void aRuleBelowTheContextSeesDockerignorePathsFromTheContextRoot() {
    IgnoreModel m = IgnoreModel.of(DockerIgnore.parse(List.of("src/generated/")), "src", List.of(), "ctx/.dockerignore", "c");
    assertThat(m.decide("generated/a.py", false).ignored()).isTrue();
    assertThat(m.decide("main.py", false).ignored()).isFalse();
  }
}
