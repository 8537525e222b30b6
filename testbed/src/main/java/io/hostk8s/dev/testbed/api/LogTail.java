package io.hostk8s.dev.testbed.api;

/** {@code tailLines} support. */
final class LogTail {

  private LogTail() {
  }

  static String lastLines(String text, int n) {
    if (n <= 0) {
      return "";
    }
    int end = text.endsWith("\n") ? text.length() - 1 : text.length();
    int idx = end;
    for (int i = 0; i < n; i++) {
      idx = text.lastIndexOf('\n', idx - 1);
      if (idx < 0) {
        return text;
      }
    }
    return text.substring(idx + 1);
  }
}
