package io.hostk8s.dev.sync;

/**
 * The answer of {@code hostk8s.sync.explain}: for a local {@code path} of {@code service}, the {@code verdict}
 * ("synced", "ignored", "refused", "not synced" when no rule covers it), the container {@code target}, the
 * deciding ignore {@code rule} (null when none matched), whether a running session has it in the pod
 * ({@code inPod}: "same content", "different content — a batch is pending or failed", "not in the pod", or null
 * without a session) and a one-line {@code reason}.
 */
public record Explanation(String service, String path, String verdict, String target, IgnoreDecision rule, String inPod, String reason) {}
