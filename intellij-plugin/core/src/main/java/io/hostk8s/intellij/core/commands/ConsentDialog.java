package io.hostk8s.intellij.core.commands;

import java.util.ArrayList;
import java.util.List;

/**
 * What a CONFIRM argument's modal shows: the preview's summary as the message, its lines and problems then the
 * question as the detail, and an accept button named after the question when it is short.
 */
public record ConsentDialog(String message, String detail, String accept) {
  private static final int MAX_LABEL = 24;

  /** The prompt itself when it makes a short button ("Delete the cluster"), else "Continue". */
  public static String acceptLabel(String prompt) {
    String p = prompt.trim().replaceAll("[?.!:]+$", "");
    return !p.isEmpty() && p.length() <= MAX_LABEL && !p.matches(".*[?.!].*") ? p : "Continue";
  }

  public static ConsentDialog of(String prompt, Presentation preview) {
    if (preview == null) {
      return new ConsentDialog(prompt, "", acceptLabel(prompt));
    }
    List<String> detail = new ArrayList<>(preview.lines());
    preview.problems().stream().filter(p -> !preview.lines().contains(p)).forEach(detail::add);
    detail.add("");
    detail.add(prompt);
    return new ConsentDialog(preview.text(), String.join("\n", detail).replaceAll("^\n+", ""), acceptLabel(prompt));
  }
}
