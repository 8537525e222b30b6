package io.hostk8s.intellij.core.commands;

import io.hostk8s.dev.protocol.commands.ArgumentDescription;
import io.hostk8s.dev.protocol.commands.ArgumentKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What to ask for a command's arguments, from the server's descriptions — the same rules as the VS Code palette:
 * SERVICE, DEBUG_SERVICE and CHOICE: a list of the choices (without choices: a text field when required); FILE: the
 * active editor's file; BOOLEAN, INTEGER, NUMBER, STRING: asked only when required (else the server's default);
 * CONFIRM: asked last, after the answers its preview needs, and not of a command that is its own preview.
 */
public final class ArgumentPlan {
  /** The first item of an optional list: leave the argument out (the server's default). */
  public static final String DEFAULT_ITEM = "(default)";
  private static final Pattern INTEGER = Pattern.compile("-?\\d+");

  private ArgumentPlan() {}

  public static List<Ask> of(List<ArgumentDescription> args, String command) {
    List<Ask> plan = new ArrayList<>();
    List<Ask> consents = new ArrayList<>();
    for (ArgumentDescription a : args) {
      switch (a.kind()) {
        case SERVICE, DEBUG_SERVICE, CHOICE -> {
          if (!a.choices().isEmpty()) {
            plan.add(new Ask.Pick(a.name(), a.prompt(), a.choices(), !a.required()));
          } else if (a.required()) {
            plan.add(new Ask.Input(a.name(), a.prompt(), ArgumentKind.STRING, a.example()));
          }
        }
        case FILE -> plan.add(new Ask.File(a.name(), a.prompt(), !a.required()));
        case BOOLEAN -> {
          if (a.required()) {
            plan.add(new Ask.YesNo(a.name(), a.prompt()));
          }
        }
        case CONFIRM -> {
          if (command == null || !command.equals(a.preview())) {
            consents.add(new Ask.Consent(a.name(), a.prompt(), a.preview()));
          }
        }
        default -> {
          if (a.required()) {
            plan.add(new Ask.Input(a.name(), a.prompt(), a.kind(), a.example()));
          }
        }
      }
    }
    plan.addAll(consents);
    return plan;
  }

  /** Why {@code text} is not a valid {@code kind} value, or null when it is. */
  public static String inputProblem(ArgumentKind kind, String text) {
    String t = text == null ? "" : text.trim();
    if (t.isEmpty()) {
      return "A value is required.";
    }
    if (kind == ArgumentKind.INTEGER && !INTEGER.matcher(t).matches()) {
      return "A whole number, e.g. 80.";
    }
    if (kind == ArgumentKind.NUMBER) {
      try {
        new BigDecimal(t);
      } catch (NumberFormatException e) {
        return "A number, e.g. 300.";
      }
    }
    return null;
  }

  /** The typed value of a checked input: a number for INTEGER/NUMBER, else the trimmed text. */
  public static Object parse(ArgumentKind kind, String text) {
    String t = text.trim();
    if (kind == ArgumentKind.INTEGER) {
      return Long.parseLong(t);
    }
    return kind == ArgumentKind.NUMBER ? new BigDecimal(t) : t;
  }

  /** The executeCommand arguments: one object with the answered fields, or none at all. */
  public static List<Object> commandArguments(Map<String, ?> answers) {
    Map<String, Object> fields = new LinkedHashMap<>();
    answers.forEach((k, v) -> {
      if (v != null) {
        fields.put(k, v);
      }
    });
    return fields.isEmpty() ? List.of() : List.of(fields);
  }
}
