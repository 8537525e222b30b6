package io.hostk8s.dev.sync;

/** A pod resolved by selector at send time: namespace, name, uid (a replaced pod has a new one) and container. */
public record PodRef(String namespace, String name, String uid, String container) {}
