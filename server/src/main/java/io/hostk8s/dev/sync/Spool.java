package io.hostk8s.dev.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A byte buffer that moves to a temp file beyond {@value #IN_MEMORY} bytes. The apply stream needs the tar's length
 * up front: exec over the v4 channel protocol cannot signal the end of stdin, and GNU tar reads to EOF, so the
 * container reads exactly that many bytes ({@code head -c}).
 */
final class Spool extends OutputStream implements AutoCloseable {
  static final int IN_MEMORY = 8 << 20;
  private ByteArrayOutputStream memory = new ByteArrayOutputStream();
  private Path file;
  private OutputStream fileOut;
  private long size;

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (fileOut == null && memory.size() + len > IN_MEMORY) {
      file = Files.createTempFile("hostk8s-sync-", ".tar");
      fileOut = Files.newOutputStream(file);
      memory.writeTo(fileOut);
      memory = null;
    }
    (fileOut != null ? fileOut : memory).write(b, off, len);
    size += len;
  }

  long size() {
    return size;
  }

  void copyTo(OutputStream out) throws IOException {
    if (fileOut == null) {
      memory.writeTo(out);
      return;
    }
    fileOut.flush();
    try (InputStream in = Files.newInputStream(file)) {
      in.transferTo(out);
    }
  }

  @Override
  public void close() throws IOException {
    if (fileOut != null) {
      fileOut.close();
      Files.deleteIfExists(file);
    }
  }
}
