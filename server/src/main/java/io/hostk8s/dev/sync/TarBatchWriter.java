package io.hostk8s.dev.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes one batch to the apply script's stdin: the deletion header, then a tar stream of the copies (entries
 * named by their container path, parent directories below the target included so a symlinked directory in the
 * pod is replaced rather than written through). Each file is read once, right before it is written; the hash of
 * the bytes really sent goes into the result (the pod's manifest after success).
 */
final class TarBatchWriter {
  private TarBatchWriter() {}

  /** What went out: container path → hash of the sent content, file count and content bytes. */
  record Sent(Map<String, String> hashes, int files, long bytes) {}

  /** A batch ready to send: the deletion header, the spooled tar, and what it holds. Close it after sending. */
  record Batch(String header, Spool tar, Sent sent) implements AutoCloseable {
    /** The apply script's stdin: header lines, {@code .}, the tar's length, the tar. */
    void writeTo(OutputStream out) throws IOException {
      out.write((header + ".\n" + tar.size() + "\n").getBytes(StandardCharsets.UTF_8));
      tar.copyTo(out);
      out.flush();
    }

    @Override
    public void close() throws IOException {
      tar.close();
    }
  }

  static Batch prepare(BatchPlan plan, List<SyncSource> sources) throws IOException {
    StringBuilder header = new StringBuilder();
    for (BatchPlan.Delete d : plan.deletes()) {
      header.append(sources.indexOf(d.source())).append(' ').append(d.rel()).append('\n');
    }
    Spool spool = new Spool();
    try {
      return new Batch(header.toString(), spool, writeTar(plan, spool));
    } catch (IOException | RuntimeException e) {
      spool.close();
      throw e;
    }
  }

  private static Sent writeTar(BatchPlan plan, OutputStream out) throws IOException {
    Map<String, String> hashes = new LinkedHashMap<>();
    long bytes = 0;
    TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosing(out), StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    Set<String> dirs = new HashSet<>();
    for (BatchPlan.Copy c : plan.copies()) {
      byte[] content;
      try {
        content = Files.readAllBytes(c.local());
      } catch (IOException e) {
        if (LocalFiles.isMissing(e)) {
          continue; // deleted since planning: the watcher's DELETE event follows
        }
        throw e;
      }
      parents(tar, c, dirs);
      TarArchiveEntry e = new TarArchiveEntry(c.target().substring(1));
      e.setSize(content.length);
      e.setMode(Files.isExecutable(c.local()) ? 0100755 : 0100644);
      e.setModTime(System.currentTimeMillis());
      tar.putArchiveEntry(e);
      tar.write(content);
      tar.closeArchiveEntry();
      hashes.put(c.target(), LocalFiles.hash(content));
      bytes += content.length;
    }
    tar.finish();
    tar.flush();
    return new Sent(hashes, hashes.size(), bytes);
  }

  private static void parents(TarArchiveOutputStream tar, BatchPlan.Copy c, Set<String> dirs) throws IOException {
    String base = c.source().to().replaceAll("/+$", "");
    String[] parts = c.rel().split("/");
    StringBuilder dir = new StringBuilder(base);
    for (int i = 0; i < parts.length - 1; i++) {
      dir.append('/').append(parts[i]);
      String name = dir.substring(1) + "/";
      if (dirs.add(name)) {
        TarArchiveEntry d = new TarArchiveEntry(name);
        d.setMode(040755);
        d.setModTime(System.currentTimeMillis());
        tar.putArchiveEntry(d);
        tar.closeArchiveEntry();
      }
    }
  }

  /** Keeps the exec's stdin open when the tar stream is finished (the caller closes it). */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
