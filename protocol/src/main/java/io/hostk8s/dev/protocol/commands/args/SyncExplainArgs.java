package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;
import io.hostk8s.dev.protocol.commands.ArgumentKind;

/** {@code hostk8s.sync.explain}: why a file is or is not synced (the service is inferred when absent). */
public record SyncExplainArgs(
    @Arg(kind = ArgumentKind.SERVICE, prompt = "Service (none: the one whose sources hold the file)", example = "vote") String service,
    @Arg(kind = ArgumentKind.FILE, prompt = "File", required = true, example = "voting-app/vote/app.py") String path) {}
