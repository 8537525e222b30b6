package io.hostk8s.dev.cloud.publish.release;

import io.hostk8s.dev.process.ProcessResult;
import io.hostk8s.dev.process.ProcessRunner;
import io.hostk8s.dev.process.ProcessSpec;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.error.HostK8sException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The workspace's git commit for a release: {@code HEAD}, plus {@code -dirty} when tracked files differ; null without git. */
final class GitCommit {
  private GitCommit() {}

  static String of(ProcessRunner processes, Path root) {
    try {
      List<String> head = new ArrayList<>();
      ProcessResult r = processes.run(ProcessSpec.of(root, "git", "rev-parse", "--verify", "-q", "HEAD"), head::add, Progress.NONE);
      if (!r.ok() || head.isEmpty() || !head.get(0).matches("[0-9a-f]{40}")) {
        return null; // not a git repository, or no commit yet
      }
      List<String> changes = new ArrayList<>();
      ProcessResult status = processes.run(ProcessSpec.of(root, "git", "status", "--porcelain", "--untracked-files=no"),
          changes::add, Progress.NONE);
      return head.get(0) + (status.ok() && !changes.isEmpty() ? "-dirty" : "");
    } catch (HostK8sException e) {
      return null; // no git on PATH
    }
  }
}
