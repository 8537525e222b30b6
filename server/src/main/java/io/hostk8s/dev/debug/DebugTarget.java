package io.hostk8s.dev.debug;

import com.google.gson.JsonObject;

/**
 * What one debug session attaches to: the service (or "target"), its runtime, the source roots on both sides
 * (absolute; remoteRoot may be null for runtimes that do not map paths) and the user's extra attach attributes.
 */
public record DebugTarget(String service, String runtime, String localRoot, String remoteRoot, boolean justMyCode,
    JsonObject extra) {}
