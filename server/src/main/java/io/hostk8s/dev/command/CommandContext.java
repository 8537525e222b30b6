package io.hostk8s.dev.command;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.progress.Progress;

/** What a command gets: the engine's services, its arguments and its progress reporter. */
public record CommandContext(EngineServices engine, CommandArgs args, Progress progress) {}
