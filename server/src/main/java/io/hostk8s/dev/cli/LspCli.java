package io.hostk8s.dev.cli;

import io.hostk8s.dev.engine.HandOverEngine;
import io.hostk8s.dev.log.LogSetup;
import io.hostk8s.dev.lsp.LspLauncher;
import io.hostk8s.dev.lsp.config.ConfigLanguageService;
import io.hostk8s.dev.rpc.EngineOwnership;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.logging.Level;
import picocli.CommandLine.Command;

@Command(name = "lsp", description = "Serve the Language Server Protocol on stdin/stdout (started by the IDE clients).")
final class LspCli implements Callable<Integer> {
  private final Supplier<ConfigLanguageService> features;

  LspCli(Supplier<ConfigLanguageService> features) {
    this.features = features;
  }

  @Override
  public Integer call() {
    StdioHygiene.Streams streams = StdioHygiene.takeOver();
    LogSetup.init(null, Level.INFO);
    return LspLauncher.run(streams.in(), streams.out(), root -> {
      LogSetup.attachFile(root.resolve(".hostk8s").resolve("server.log"));
      // the IDE's server outlives an owner it is attached to: it takes the engine over and restarts its work
      return HandOverEngine.start(() -> EngineOwnership.ownOrAttach(root, System.getenv(), null, "lsp"), true);
    }, features);
  }
}
