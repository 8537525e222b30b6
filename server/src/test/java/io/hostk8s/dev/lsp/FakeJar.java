package io.hostk8s.dev.lsp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;

/** Compiles a one-class program into a runnable jar (stands in for the sandbox jar in cancellation tests). */
public final class FakeJar {
  private FakeJar() {}

  public static Path build(Path dir, String mainBody) throws IOException {
    Path src = dir.resolve("src/Fake.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, "public class Fake { public static void main(String[] args) throws Exception { " + mainBody + " } }");
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes);
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
    if (rc != 0) {
      throw new IllegalStateException("cannot compile the fake jar");
    }
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Fake");
    Path jar = dir.resolve("fake-sandbox.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
      j.putNextEntry(new JarEntry("Fake.class"));
      j.write(Files.readAllBytes(classes.resolve("Fake.class")));
      j.closeEntry();
    }
    return jar;
  }
}
