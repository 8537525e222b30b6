package io.hostk8s.dev.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kubeconfig of a sandbox: one cluster, user and context, named {@value #CONTEXT} for the local sandbox or
 * as the caller says (the DigitalOcean stand-in names them {@code do-<region>-<cluster>} like DigitalOcean).
 */
public final class Kubeconfig {

  public static final String CONTEXT = "kind-hostk8s";
  static final String SANDBOX_TOKEN = "hostk8s-sandbox";

  private Kubeconfig() {
  }

  static Path write(Path file, String serverUrl) throws IOException {
    String yaml = render(CONTEXT, serverUrl, SANDBOX_TOKEN);
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, yaml);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  /** The kubeconfig text: cluster, context and user all named {@code name}, token auth. */
  public static String render(String name, String serverUrl, String token) {
    return String.join("\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: " + name,
        "  cluster:",
        "    server: " + serverUrl,
        "contexts:",
        "- name: " + name,
        "  context:",
        "    cluster: " + name,
        "    user: " + name,
        "    namespace: default",
        "current-context: " + name,
        "users:",
        "- name: " + name,
        "  user:",
        "    token: " + token,
        "");
  }
}
