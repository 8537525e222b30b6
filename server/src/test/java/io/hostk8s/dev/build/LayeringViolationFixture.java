package io.hostk8s.dev.build;

import io.hostk8s.dev.lsp.HostK8sLanguageServer;

/** A domain class that reaches up into a front end: what LayeringTest must reject (used only by that test). */
final class LayeringViolationFixture {
  private LayeringViolationFixture() {}

  static Class<?> forbidden() {
    return HostK8sLanguageServer.class;
  }
}
