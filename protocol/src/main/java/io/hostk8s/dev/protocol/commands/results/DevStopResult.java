package io.hostk8s.dev.protocol.commands.results;

import java.util.List;

/**
 * What {@code hostk8s.dev.stop} stopped: only what the run(s) started.
 *
 * @param runs           the runs stopped
 * @param stopped        e.g. {@code sync vote}, {@code forward result/http}, {@code logs -f vote}
 * @param sandboxStopped the run started the sandbox, and it is stopped now (with its pods)
 * @param sandboxKept    the sandbox was running before the run started, and keeps running
 * @param failures       what could not be stopped, one line each (e.g. {@code the sandbox: …})
 * @param summary        one line for people
 */
public record DevStopResult(List<String> runs, List<String> stopped, boolean sandboxStopped, boolean sandboxKept,
    List<String> failures, String summary) {}
