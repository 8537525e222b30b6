package io.hostk8s.intellij.core;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.protocol.commands.CommandDescription;
import io.hostk8s.intellij.core.commands.CommandCatalog;
import io.hostk8s.intellij.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real payloads: {@code status --json} captures and the command list of the server jar
 * ({@code java -jar server/target/hostk8s-dev-server.jar commands --json}), shared with the VS Code extension's tests.
 */
public final class Fixtures {
  private Fixtures() {}

  public static Path repo() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("vscode-extension/test/fixtures")) && Files.isDirectory(p.resolve("intellij-plugin"))) {
        return p;
      }
    }
    throw new IllegalStateException("repository root not found from " + Path.of("").toAbsolutePath());
  }

  public static String text(String fixture) throws IOException {
    return Files.readString(repo().resolve("vscode-extension/test/fixtures").resolve(fixture));
  }

  /** As LSP4IJ hands untyped JSON over: Gson's LinkedTreeMap with every number a Double. */
  public static Object lsp4ijShaped(String json) {
    return new Gson().fromJson(json, Object.class);
  }

  public static StatusSnapshot status(String fixture) throws IOException {
    return Json.as(lsp4ijShaped(text(fixture)), StatusSnapshot.class);
  }

  public static List<CommandDescription> commands() throws IOException {
    return new Gson().fromJson(text("commands.json"), new TypeToken<List<CommandDescription>>() {}.getType());
  }

  /** Every described command announced, as the server does. */
  public static CommandCatalog catalog() throws IOException {
    List<CommandDescription> d = commands();
    return CommandCatalog.of(d.stream().map(CommandDescription::id).toList(), d);
  }
}
