package io.hostk8s.dev.tutorial;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tutorial's command blocks, read from its Markdown (docs/tutorials/README.md, "How the tutorials test themselves"):
 * every {@code ```bash} block is a command block; one whose first line is {@code # not run here: <reason>} is shown to
 * the reader with that visible marker and only counted. HTML comments between the block and the next one say how to
 * check it: {@code <!-- expect: REGEX -->} (any number; found in the output and in the "You'll see:" block that
 * follows), {@code <!-- exit: N -->}, {@code <!-- retry: SECONDS -->}, {@code <!-- until: REGEX -->} (runs until a line
 * matches, then Ctrl-C) and {@code <!-- background: REGEX -->} (runs until a line matches and keeps running, like a
 * second terminal, until the tutorial ends).
 */
record TutorialDoc(String name, List<Block> blocks) {
  static final String NOT_RUN = "# not run here:";
  private static final Pattern FENCE = Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```\\s*$", Pattern.DOTALL);
  private static final Pattern DIRECTIVE = Pattern.compile("<!--\\s*(expect|exit|retry|until|background):\\s*(.*?)\\s*-->");

  /** One command block: its code, where it is, how it is checked, and the output the tutorial shows after it. */
  record Block(int line, String code, String notRun, List<Pattern> expects, int exit, int retrySeconds, Pattern until,
      Pattern background, String shown) {
    boolean runs() {
      return notRun == null;
    }

    @Override
    public String toString() {
      return "line " + line + ": " + code.lines().findFirst().orElse("");
    }
  }

  static TutorialDoc parse(String name, String markdown) {
    List<int[]> fences = new ArrayList<>();
    List<String> langs = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    Matcher f = FENCE.matcher(markdown);
    while (f.find()) {
      fences.add(new int[] {f.start(), f.end()});
      langs.add(f.group(1));
      bodies.add(f.group(2));
    }
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < fences.size(); i++) {
      if (!langs.get(i).equals("bash")) {
        continue;
      }
      int nextBash = markdown.length();
      String shown = null;
      for (int j = i + 1; j < fences.size(); j++) {
        if (langs.get(j).equals("bash")) {
          nextBash = fences.get(j)[0];
          break;
        }
        if (shown == null) {
          shown = bodies.get(j);
        }
      }
      String between = markdown.substring(fences.get(i)[1], nextBash);
      blocks.add(block(lineOf(markdown, fences.get(i)[0]), bodies.get(i).stripTrailing(), between, shown));
    }
    return new TutorialDoc(name, List.copyOf(blocks));
  }

  private static Block block(int line, String code, String between, String shown) {
    String first = code.lines().findFirst().orElse("").strip();
    String notRun = first.startsWith(NOT_RUN) ? first.substring(NOT_RUN.length()).strip() : null;
    List<Pattern> expects = new ArrayList<>();
    int exit = 0;
    int retry = 0;
    Pattern until = null;
    Pattern background = null;
    Matcher d = DIRECTIVE.matcher(between);
    while (d.find()) {
      String v = d.group(2);
      switch (d.group(1)) {
        case "expect" -> expects.add(Pattern.compile(v, Pattern.MULTILINE));
        case "exit" -> exit = Integer.parseInt(v);
        case "retry" -> retry = Integer.parseInt(v);
        case "until" -> until = Pattern.compile(v);
        default -> background = Pattern.compile(v);
      }
    }
    return new Block(line, code, notRun, List.copyOf(expects), exit, retry, until, background, shown);
  }

  private static int lineOf(String text, int offset) {
    return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }

  long executable() {
    return blocks.stream().filter(Block::runs).count();
  }
}
