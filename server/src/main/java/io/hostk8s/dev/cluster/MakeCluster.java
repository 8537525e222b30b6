package io.hostk8s.dev.cluster;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.process.ProcessResult;
import io.hostk8s.dev.process.ProcessRunner;
import io.hostk8s.dev.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs a HostK8s checkout's {@code make start|stop|status}: every output line becomes a progress report;
 * cancelling the progress kills the make process tree (the {@link ProcessRunner} does it).
 */
public final class MakeCluster {
  private final ProcessRunner runner;

  public MakeCluster(ProcessRunner runner) {
    this.runner = runner;
  }

  /** The output lines; on a non-zero exit {@code failure} with the last lines. */
  public List<String> run(HostK8sCheckout checkout, String target, ErrorCode failure, Progress progress) {
    List<String> lines = new CopyOnWriteArrayList<>();
    progress.report("make " + target + " in " + checkout.root());
    ProcessResult r = runner.run(checkout.make(target), line -> {
      lines.add(line);
      progress.report(line);
    }, progress);
    progress.checkCancelled();
    if (!r.ok()) {
      List<String> tail = r.tail().subList(Math.max(0, r.tail().size() - 8), r.tail().size());
      throw new HostK8sException(failure, "`make " + target + "` in " + checkout.root() + " exited " + r.exitCode()
          + (tail.isEmpty() ? "." : ":\n  " + String.join("\n  ", tail)),
          List.of("Read the output above; HostK8s: `make status`, `make help`; `make install` installs the tools it needs."), true, null);
    }
    return new ArrayList<>(lines);
  }
}
