package io.hostk8s.dev.protocol.commands;

/**
 * How a client shows a command's result to a person, so no client needs a case per command.
 *
 * @param show    {@code message} (a notification with {@link #summary}), {@code document} (the result as a JSON
 *                document), {@code status} (the result is a status snapshot) or {@code logs} (reveal the log view of
 *                the argument's service)
 * @param summary one line; {@code {field}} and {@code {field.sub}} are replaced by the result's values
 * @param lines   a result field holding lines for the output view, or null
 * @param okField a boolean result field; false makes the notification a warning; null: always information
 * @param url     a result field holding a URL the notification offers to open, or null
 * @param debug   a result field holding a debug configuration the client starts as-is, or null
 * @param problems a result field holding those of the {@link #lines} that report a problem (logged as warnings), or null
 * @param fixes   a result field holding {@link Fix}es the notification offers as buttons, or null
 * @param urlLabel the label of the button that opens {@code url} ({@code {field}} filled like the summary, e.g.
 *                "Open {urlService}" → "Open vote"); null: the client's usual "Open in Browser"
 */
public record ResultView(String show, String summary, String lines, String okField, String url, String debug,
    String problems, String fixes, String urlLabel) {
  public ResultView(String show, String summary, String lines, String okField, String url, String debug) {
    this(show, summary, lines, okField, url, debug, null, null, null);
  }

  public static ResultView message(String summary) {
    return new ResultView("message", summary, null, null, null, null);
  }

  public static ResultView document(String summary) {
    return new ResultView("document", summary, null, null, null, null);
  }

  public ResultView withProblems(String field) {
    return new ResultView(show, summary, lines, okField, url, debug, field, fixes, urlLabel);
  }

  public ResultView withFixes(String field) {
    return new ResultView(show, summary, lines, okField, url, debug, problems, field, urlLabel);
  }

  public ResultView withLines(String field) {
    return new ResultView(show, summary, field, okField, url, debug, problems, fixes, urlLabel);
  }

  public ResultView withOk(String field) {
    return new ResultView(show, summary, lines, field, url, debug, problems, fixes, urlLabel);
  }

  public ResultView withUrl(String field) {
    return new ResultView(show, summary, lines, okField, field, debug, problems, fixes, urlLabel);
  }

  /** {@link #withUrl(String)} with the button's label, e.g. "Open {urlService}". */
  public ResultView withUrl(String field, String label) {
    return new ResultView(show, summary, lines, okField, field, debug, problems, fixes, label);
  }

  public ResultView withDebug(String field) {
    return new ResultView(show, summary, lines, okField, url, field, problems, fixes, urlLabel);
  }

  public ResultView as(String how) {
    return new ResultView(how, summary, lines, okField, url, debug, problems, fixes, urlLabel);
  }
}
