package io.hostk8s.dev.protocol.commands.results;

import io.hostk8s.dev.protocol.ForwardStatus;
import java.util.List;
import java.util.Map;

/**
 * What {@code hostk8s.dev} set up; the work (sync, forwards, log streams) keeps running in the engine until
 * {@code hostk8s.dev.stop} with {@link #run}.
 *
 * @param run           the run's name, for {@code hostk8s.dev.stop}
 * @param target        {@code sandbox} or {@code cluster}
 * @param clusterAction {@code started} or {@code already running}
 * @param sync          one line per service whose file sync {@code up} started (or failed to)
 * @param forwards      the forward of every service with an {@code http} port
 * @param urls          service → URL of that forward (config order)
 * @param url           the first service's URL (vote's in the voting app): what a client offers to open
 * @param debugEndpoint the engine's debug adapter: its Unix socket's path (else {@code host:port}, which needs the
 *                      token of {@code hostk8s.debug.endpoint}), or null (see {@code notes})
 * @param logs          the services whose pod logs stream as {@code hostk8s/log}
 * @param started       what this run started and {@code hostk8s.dev.stop} stops, e.g. {@code sync vote},
 *                      {@code forward result/http}, {@code logs -f vote}, {@code the sandbox}
 * @param notes         what did not work, one line each (a forward not opened, no debug adapter, …)
 * @param summary       one line, e.g. {@code Ready: vote at http://127.0.0.1:… · result at http://127.0.0.1:…}
 */
public record DevResult(String run, String target, String clusterAction, List<String> sync, List<ForwardStatus> forwards,
    Map<String, String> urls, String url, String debugEndpoint, List<String> logs, List<String> started, List<String> notes,
    String summary) {}
