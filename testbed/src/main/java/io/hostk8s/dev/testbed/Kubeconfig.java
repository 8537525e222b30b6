package io.hostk8s.dev.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the kubeconfig of a sandbox: one cluster, user and context named {@value #CONTEXT}. */
final class Kubeconfig {

  static final String CONTEXT = "kind-hostk8s";

  private Kubeconfig() {
  }

  static Path write(Path file, String serverUrl) throws IOException {
    String yaml = String.join("\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: " + CONTEXT,
        "  cluster:",
        "    server: " + serverUrl,
        "contexts:",
        "- name: " + CONTEXT,
        "  context:",
        "    cluster: " + CONTEXT,
        "    user: " + CONTEXT,
        "    namespace: default",
        "current-context: " + CONTEXT,
        "users:",
        "- name: " + CONTEXT,
        "  user:",
        "    token: hostk8s-sandbox",
        "");
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, yaml);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return file;
  }
}
