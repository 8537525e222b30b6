package io.hostk8s.dev.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * The server's layers, bottom to top (docs/architecture.md draws them). A layer may use the layers below it, never
 * one above; inside a layer packages may use each other as long as no cycle forms.
 */
final class Layers {
  static final String ROOT = "io.hostk8s.dev";
  static final String[] BASE = {"core", "config", "error", "progress", "process", "status", "check", "util", "log"};
  static final String[] DOMAIN = {"cluster", "build", "deploy", "sync", "forward", "debug", "logs", "run", "sandbox",
      "doctor", "cloud"};
  static final String[] FRONT_ENDS = {"lsp", "dap", "rpc", "cli"};

  private Layers() {}

  static String[] packages(String... names) {
    String[] out = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = ROOT + "." + names[i] + "..";
    }
    return out;
  }

  static LayeredArchitecture rule() {
    return layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("Base").definedBy(packages(BASE))
        .layer("Domain").definedBy(packages(DOMAIN))
        .layer("Commands").definedBy(packages("command"))
        .layer("Engine").definedBy(packages("engine"))
        .layer("FrontEnds").definedBy(packages(FRONT_ENDS))
        .whereLayer("FrontEnds").mayOnlyBeAccessedByLayers("FrontEnds")
        .whereLayer("Engine").mayOnlyBeAccessedByLayers("FrontEnds")
        .whereLayer("Commands").mayOnlyBeAccessedByLayers("Engine", "FrontEnds")
        .whereLayer("Domain").mayOnlyBeAccessedByLayers("Commands", "Engine", "FrontEnds")
        .withOptionalLayers(true);
  }
}
