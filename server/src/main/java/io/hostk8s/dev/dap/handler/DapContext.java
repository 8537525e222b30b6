package io.hostk8s.dev.dap.handler;

import io.hostk8s.dev.debug.DebugSession;
import io.hostk8s.dev.debug.DebugTargets;

/** What a handler works with: the IDE session's domain object and the target resolver. */
public record DapContext(DebugSession session, DebugTargets targets) {}
