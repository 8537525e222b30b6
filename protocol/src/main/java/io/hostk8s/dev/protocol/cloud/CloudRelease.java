package io.hostk8s.dev.protocol.cloud;

import java.util.List;
import java.util.Map;

/**
 * One release of the published app (see {@code publish history}).
 *
 * @param number     1, 2, … in order
 * @param kind       {@code apply} or {@code rollback}
 * @param at         when its rollout was ready (ISO-8601)
 * @param commit     the workspace's git commit then ({@code -dirty} suffix when files differed), or null
 * @param images     service → image reference (the tag is the content digest)
 * @param changed    services whose image differs from the release before
 * @param rolledBack for a rollback, the release it restored
 * @param current    the release running now
 */
public record CloudRelease(int number, String kind, String at, String commit, Map<String, String> images,
    List<String> changed, Integer rolledBack, boolean current) {}
