package io.hostk8s.dev.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * The two POSIX {@code sh} programs run in the container, one exec each. {@link #apply} reads from stdin a header of
 * deletions ({@code <target-index> <relative path>} lines, ended by a {@code .} line) and then a tar stream: it
 * deletes (never through a symlinked directory, never outside a target), extracts the tar under {@code /}
 * (entries are the target paths, with {@code -m} so reloaders see a fresh mtime) and runs the after-sync action.
 * {@link #list} prints {@code @<target>} then {@code sha256  ./path} lines for every file under each target.
 */
final class RemoteScripts {
  private RemoteScripts() {}

  /** Exit codes of {@link #apply} with a meaning. */
  static final int NO_TAR = 91;
  static final int NOT_WRITABLE = 92;
  static final int AFTER_SYNC_FAILED = 93;
  static final int BAD_HEADER = 94;
  static final int NO_SHA256SUM = 95;

  static final String APPLY = String.join("\n",
      "after=$1; dels=$2; n=$3; shift 3",
      "command -v tar >/dev/null 2>&1 || { echo 'tar: not found in the container' >&2; exit 91; }",
      "for t in \"$@\"; do [ -d \"$t\" ] || mkdir -p -- \"$t\" 2>/dev/null; [ -d \"$t\" ] && [ -w \"$t\" ] || { echo \"cannot write $t\" >&2; exit 92; }; done",
      "if [ \"$dels\" = 0 ]; then IFS= read -r line; [ \"$line\" = . ] || exit 94; else",
      "{ while IFS= read -r line; do",
      "  [ \"$line\" = . ] && break",
      "  i=${line%% *}; rel=${line#* }",
      "  case $i in ''|*[!0-9]*) exit 94;; esac",
      "  [ \"$i\" -lt \"$n\" ] || exit 94",
      "  eval \"base=\\${$((i + 1))}\"",
      "  case \"/$rel/\" in *//*|*/../*|*/./*) continue;; esac",
      "  d=$rel; ok=1",
      "  while :; do case $d in */*) d=${d%/*}; if [ -L \"$base/$d\" ]; then ok=0; break; fi;; *) break;; esac; done",
      "  [ $ok = 1 ] && printf '%s\\0' \"$base/$rel\"",
      "done; } | xargs -0 sh -c '[ $# -eq 0 ] || rm -rf -- \"$@\"' sh || exit 94",
      "fi",
      "IFS= read -r size || exit 94",
      "case $size in ''|*[!0-9]*) exit 94;; esac",
      "[ \"$size\" = 0 ] || head -c \"$size\" | tar -x -m --no-same-owner -f - -C / || exit $?",
      "[ -z \"$after\" ] || sh -c \"$after\" || exit 93");

  /**
   * The apply command: {@code sh -c APPLY sh <after-sync> <deletions> <n> <target0> ... <target n-1>}; with no
   * deletions the script forks nothing for them (the batch is then sh + head + tar).
   */
  static List<String> applyCommand(String afterSync, int deletions, List<String> targets) {
    List<String> cmd = new ArrayList<>(List.of("sh", "-c", APPLY, "sh", afterSync == null ? "" : afterSync, String.valueOf(deletions),
        String.valueOf(targets.size())));
    cmd.addAll(targets);
    return cmd;
  }

  /**
   * The listing command for the targets; {@code prune} holds, per target, directory names the listing may skip
   * (ignored and never re-included, e.g. {@code node_modules}).
   */
  static List<String> listCommand(List<String> targets, List<List<String>> prune) {
    StringBuilder sb = new StringBuilder("command -v sha256sum >/dev/null 2>&1 || exit 95\n");
    for (int i = 0; i < targets.size(); i++) {
      String t = quote(targets.get(i));
      sb.append("printf '@%s\\n' ").append(t).append("\n");
      sb.append("if [ -d ").append(t).append(" ]; then (cd ").append(t).append(" && find .");
      List<String> names = prune.get(i);
      if (!names.isEmpty()) {
        sb.append(" \\(");
        for (int j = 0; j < names.size(); j++) {
          sb.append(j == 0 ? "" : " -o").append(" -name ").append(quote(names.get(j)));
        }
        sb.append(" \\) -type d -prune -o");
      }
      sb.append(" -type f -exec sha256sum {} +) || exit 96; fi\n");
    }
    return List.of("sh", "-c", sb.toString());
  }

  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
