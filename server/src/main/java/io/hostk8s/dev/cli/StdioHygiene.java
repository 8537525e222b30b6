package io.hostk8s.dev.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Keeps the real stdin/stdout for the protocol and replaces System.out with a sink, so a stray print from any
 * library can never corrupt a JSON-RPC frame.
 */
public final class StdioHygiene {
  private StdioHygiene() {}

  public record Streams(InputStream in, OutputStream out) {}

  public static Streams takeOver() {
    InputStream in = new FileInputStream(FileDescriptor.in);
    OutputStream out = new FileOutputStream(FileDescriptor.out);
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    System.setIn(InputStream.nullInputStream());
    return new Streams(in, out);
  }
}
