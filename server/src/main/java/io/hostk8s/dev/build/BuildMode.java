package io.hostk8s.dev.build;

/** Which image variant: the dev image (Dockerfile.dev: debugger, reloader) or the production one. */
public enum BuildMode { DEV, PROD }
