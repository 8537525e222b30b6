package io.hostk8s.intellij.core.errors;

import com.google.gson.JsonElement;
import io.hostk8s.dev.protocol.commands.Fix;
import io.hostk8s.intellij.core.commands.ResultPresenter;
import io.hostk8s.intellij.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A failed command as a person sees it (the same text as VS Code): one line of the server's message, the first
 * suggestion as "Fix: …" when there is no fix button, the fixes as buttons; the whole message, the code and every
 * suggestion for the HostK8s console.
 *
 * @param cancelled a cancellation: an information, not an error
 * @param more      the notification leaves out something the console has
 */
public record ErrorView(String text, boolean cancelled, List<Fix> fixes, List<String> detail, boolean more) {
  /** Longer messages are cut (at a sentence or word end) in the notification; the console has them whole. */
  public static final int MAX_TOAST_CHARS = 240;

  public static ErrorView of(String title, ErrorData e) {
    if (e.cancelled()) {
      return new ErrorView("HostK8s: " + title + " was cancelled.", true, List.of(), List.of(), false);
    }
    String whole = sentence(e.message() == null || e.message().isBlank()
        ? "unknown error (see the HostK8s server's log in the Language Servers console)" : e.message());
    List<String> suggestions = new ArrayList<>();
    if (Json.at(e.data(), "suggestions") instanceof com.google.gson.JsonArray a) {
      for (JsonElement s : a) {
        if (s.isJsonPrimitive() && s.getAsJsonPrimitive().isString()) {
          suggestions.add(s.getAsString());
        }
      }
    }
    List<Fix> fixes = ResultPresenter.fixes(Json.at(e.data(), "fixes"));
    String message = shorten(whole, MAX_TOAST_CHARS);
    String hint = fixes.isEmpty() && !suggestions.isEmpty()
        ? shorten(sentence(suggestions.get(0)), Math.max(80, MAX_TOAST_CHARS - message.length())) : "";
    String text = "HostK8s: " + title + " failed: " + message + (hint.isEmpty() ? "" : " Fix: " + hint);
    String name = Json.string(e.data(), "name");
    int code = e.serverCode();
    String codeText = name != null ? " [" + name + (code != 0 ? " " + code : "") + "]" : "";
    List<String> detail = new ArrayList<>();
    detail.add(title + " failed" + codeText + ": " + whole);
    suggestions.forEach(s -> detail.add("  fix: " + s));
    boolean more = !message.equals(whole)
        || suggestions.size() > (!hint.isEmpty() && hint.equals(sentence(suggestions.get(0))) ? 1 : 0);
    return new ErrorView(text, false, fixes, detail, more);
  }

  /** One line (whitespace collapsed) ending with one full stop (or its own ! ? … :). */
  public static String sentence(String s) {
    String one = s.replaceAll("\\s+", " ").trim().replaceAll("\\.+$", "");
    return one.isEmpty() ? "" : one.matches(".*[!?…:]$") ? one : one + ".";
  }

  /** {@code s} cut to {@code max} characters at a sentence end, else a word end, with "…". */
  public static String shorten(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    String head = s.substring(0, max);
    int stop = head.lastIndexOf(". ");
    if (stop > max / 2) {
      return head.substring(0, stop + 1);
    }
    int space = head.lastIndexOf(' ');
    return head.substring(0, space > max / 2 ? space : max - 1).replaceAll("[\\s,;:.]+$", "") + "…";
  }
}
