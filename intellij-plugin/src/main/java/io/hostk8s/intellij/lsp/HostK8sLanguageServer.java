package io.hostk8s.intellij.lsp;

import io.hostk8s.dev.protocol.lsp.HostK8sServerApi;
import org.eclipse.lsp4j.services.LanguageServer;

/** The server's interface for LSP4IJ: standard LSP plus {@code hostk8s/status} and {@code hostk8s/commands}, typed. */
public interface HostK8sLanguageServer extends LanguageServer, HostK8sServerApi {}
