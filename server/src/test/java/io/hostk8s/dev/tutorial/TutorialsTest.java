package io.hostk8s.dev.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.up.UpWireTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tutorials against the product without running anything (TutorialsWireTest runs them): every command they show
 * exists with its options, every make target is in `make help`, every link and image resolves, every "You'll see:"
 * output still matches its block's patterns, and each part states its time.
 */
class TutorialsTest {
  static final Path REPO = UpWireTest.repo();
  static final Path DIR = REPO.resolve("docs/tutorials");
  static final List<String> TUTORIALS = List.of("development-workflows.md", "digitalocean-deployment.md");

  @Test
  void everyCommandTheTutorialsShowExistsInTheProduct() throws Exception {
    String makefile = Files.readString(REPO.resolve("Makefile"));
    for (String t : TUTORIALS) {
      assertThat(TutorialCommands.problems(Files.readString(DIR.resolve(t)), makefile)).as(t).isEmpty();
    }
  }

  @Test
  void linksAndImagesResolve() throws Exception {
    try (Stream<Path> md = Files.list(DIR)) {
      for (Path f : md.filter(p -> p.toString().endsWith(".md")).toList()) {
        assertThat(TutorialLinks.broken(f)).as(f.toString()).isEmpty();
      }
    }
    assertThat(TutorialLinks.broken(REPO.resolve("README.md"))).as("README.md").isEmpty();
  }

  @Test
  void theOutputShownAfterEachBlockMatchesItsPatterns() throws Exception {
    for (String t : TUTORIALS) {
      TutorialDoc doc = TutorialDoc.parse(t, Files.readString(DIR.resolve(t)));
      assertThat(doc.blocks()).as(t).isNotEmpty();
      for (TutorialDoc.Block b : doc.blocks()) {
        if (b.notRun() != null) {
          assertThat(b.notRun()).as(t + " " + b + ": the reason it is not run").isNotBlank();
        }
        for (Pattern p : b.expects()) {
          assertThat(b.shown()).as(t + " " + b + ": a You'll see: block after it").isNotNull();
          assertThat(p.matcher(b.shown()).find()).as(t + " " + b + ": its You'll see: block matches " + p).isTrue();
        }
      }
      System.out.printf("%s: %d of %d blocks run by TutorialsWireTest%n", t, doc.executable(), doc.blocks().size());
    }
  }

  @Test
  void everyPartStatesItsTime() throws Exception {
    Pattern part = Pattern.compile("(?m)^## Part (\\d+)[^\\n]*\\n+(.*)$");
    for (String t : TUTORIALS) {
      Matcher m = part.matcher(Files.readString(DIR.resolve(t)));
      int parts = 0;
      while (m.find()) {
        parts++;
        assertThat(m.group(2)).as(t + " Part " + m.group(1) + " starts with its time").matches("\\*\\*Time:\\*\\* about \\d+ minutes.*");
      }
      assertThat(parts).as(t).isEqualTo(t.startsWith("development") ? 6 : 7);
    }
  }

  // The checker itself: a tutorial that names a command or option the product does not have fails.

  @Test
  void aCommandOrOptionTheProductDoesNotHaveIsReported() {
    String md = """
        ```bash
        ./hostk8s-dev doctor
        ./hostk8s-dev sync explain vote app.py
        ./hostk8s-dev deploy vote --no-such-option
        ./hostk8s-dev stauts
        make build-custom SERVICE=vote
        make no-such-target
        ```
        Then run `hostk8s-dev publish apply --yse`.
        """;
    assertThat(TutorialCommands.problems(md, "build-custom: build ## images\n"))
        .hasSize(4)
        .anySatisfy(p -> assertThat(p).contains("deploy vote --no-such-option").contains("Unknown option"))
        .anySatisfy(p -> assertThat(p).contains("stauts"))
        .anySatisfy(p -> assertThat(p).contains("make no-such-target"))
        .anySatisfy(p -> assertThat(p).contains("publish apply --yse"));
  }

  @Test
  void blocksCarryTheirChecksAndTheNotRunMarkerIsCounted() {
    TutorialDoc doc = TutorialDoc.parse("t", """
        ```bash
        ./hostk8s-dev doctor
        ```
        <!-- expect: ^Everything .* in place -->
        <!-- exit: 0 -->

        You'll see:

        ```text
        Everything the sandbox needs is in place.
        ```

        ```bash
        # not run here: needs Docker and kind
        ./hostk8s-dev up
        ```

        ```bash
        ./hostk8s-dev dev
        ```
        <!-- background: ^Ready: vote at -->
        """);
    assertThat(doc.blocks()).hasSize(3);
    assertThat(doc.executable()).isEqualTo(2);
    assertThat(doc.blocks().get(0).expects()).hasSize(1);
    assertThat(doc.blocks().get(0).shown()).contains("Everything the sandbox");
    assertThat(doc.blocks().get(1).notRun()).isEqualTo("needs Docker and kind");
    assertThat(doc.blocks().get(2).background().pattern()).isEqualTo("^Ready: vote at");
  }

  @Test
  void aMissingFileOrHeadingIsABrokenLink(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.md"), "# Part 1: Setting up\n[ok](#part-1-setting-up) [bad](#nope) ![img](images/x.png) [b](b.md)\n");
    assertThat(TutorialLinks.broken(dir.resolve("a.md"))).hasSize(3);
  }
}
