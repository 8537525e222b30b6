package io.hostk8s.dev.testbed.kubelet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodFilesTest {

  @Test
  void aLinkedDirectoryKeepsItsContentInThePodRootAndCachesAreSkipped(@TempDir Path tmp) throws Exception {
    Path modules = Files.createDirectories(tmp.resolve("elsewhere/node_modules/express"));
    Files.writeString(modules.resolve("index.js"), "module.exports = 1;\n");
    Path app = Files.createDirectories(tmp.resolve("app"));
    Files.writeString(app.resolve("server.js"), "require('express');\n");
    Files.createSymbolicLink(app.resolve("node_modules"), tmp.resolve("elsewhere/node_modules"));
    Files.createDirectories(app.resolve("__pycache__"));
    Files.createSymbolicLink(app.resolve("gone"), tmp.resolve("missing"));

    Path root = tmp.resolve("pod/app");
    PodFiles.copyTree(app, root);

    assertEquals("module.exports = 1;\n", Files.readString(root.resolve("node_modules/express/index.js")));
    assertEquals("require('express');\n", Files.readString(root.resolve("server.js")));
    assertFalse(Files.exists(root.resolve("__pycache__")));
    assertTrue(Files.isSymbolicLink(root.resolve("gone")), "a dangling link is kept as a link, not an error");
  }
}
