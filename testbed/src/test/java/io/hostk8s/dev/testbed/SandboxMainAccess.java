package io.hostk8s.dev.testbed;

import java.io.PrintStream;

/** Lets tests in sub-packages run {@link SandboxMain} in-process. */
public final class SandboxMainAccess {

  private SandboxMainAccess() {
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return SandboxMain.run(args, out, err);
  }
}
