package io.hostk8s.dev.tutorial;

import io.hostk8s.dev.cli.RootCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Checks every CLI and make command a tutorial shows — in run blocks, in blocks not run here, and in inline code — against
 * the product: {@code hostk8s-dev …} must parse with the real command tree (so a renamed command or option breaks the
 * tutorial's test), {@code make X} must be a Makefile target listed by {@code make help}.
 */
final class TutorialCommands {
  /** {@code hostk8s-dev} and its words; a double-quoted word (a shell expansion) is one argument. */
  private static final Pattern CLI = Pattern.compile("(?<![\\w/-])(?:\\./)?hostk8s-dev((?:[ \\t]+(?:\"[^\"\\n]*\"|[^\\s|;&)#>`\"']+))*)");
  private static final Pattern WORD = Pattern.compile("\"[^\"]*\"|\\S+");
  private static final Pattern MAKE = Pattern.compile("(?m)(?:^|[;&|(`]\\s*)make((?:[ \\t]+[\\w.=-]+)+)");
  private static final Pattern INLINE = Pattern.compile("(?<!`)`([^`\\n]+)`(?!`)");

  private TutorialCommands() {
  }

  /** What is wrong with the commands in {@code markdown}; empty when every one exists. */
  static List<String> problems(String markdown, String makefile) {
    List<String> problems = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    TutorialDoc.parse("", markdown).blocks().forEach(b -> texts.add(b.code()));
    Matcher inline = INLINE.matcher(markdown.replaceAll("(?ms)^```.*?^```", "").replaceAll("(?s)<!--.*?-->", ""));
    while (inline.find()) {
      String code = inline.group(1).strip();
      if (code.startsWith("hostk8s-dev ") || code.startsWith("./hostk8s-dev ") || code.startsWith("make ")) {
        texts.add(code);
      }
    }
    CommandLine tree = RootCommand.commandLine();
    for (String text : texts) {
      for (String line : text.lines().map(l -> l.replaceAll("(^|\\s)#.*$", "")).toList()) {
        cli(tree, line, problems);
        make(line, makefile, problems);
      }
    }
    return problems;
  }

  private static void cli(CommandLine tree, String line, List<String> problems) {
    Matcher m = CLI.matcher(line);
    while (m.find()) {
      String[] args = WORD.matcher(m.group(1)).results().map(w -> w.group().replaceAll("^\"|\"$", ""))
          .toArray(String[]::new);
      try {
        tree.parseArgs(args);
      } catch (CommandLine.ParameterException e) {
        problems.add("`hostk8s-dev " + String.join(" ", args) + "`: " + e.getMessage());
      }
    }
  }

  private static void make(String line, String makefile, List<String> problems) {
    Matcher m = MAKE.matcher(line);
    while (m.find()) {
      for (String word : m.group(1).strip().split("\\s+")) {
        if (!word.contains("=") && !Pattern.compile("(?m)^" + Pattern.quote(word) + ":.*## ").matcher(makefile).find()) {
          problems.add("`make " + word + "`: no such target with a `## ` help line in the Makefile");
        }
      }
    }
  }
}
