package io.hostk8s.dev.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content-addressed part of a dev tag: SHA-256 over the included files (path, executable bit, content or
 * symlink target, in path order), the Dockerfile path, the build args (sorted) and the platform. Directory
 * entries, timestamps and the order the file system lists files in do not count.
 */
public final class ContextHasher {
  /** Hex digits of the hash used in a tag ({@code dev-<12 hex>}). */
  public static final int TAG_HEX = 12;

  private ContextHasher() {}

  public static String hash(BuildContext context, Map<String, String> buildArgs, String platform) throws IOException {
    MessageDigest digest = sha256();
    field(digest, "hostk8s-build/1");
    field(digest, "dockerfile=" + context.dockerfile());
    field(digest, "platform=" + (platform == null ? "" : platform));
    for (Map.Entry<String, String> arg : new TreeMap<>(buildArgs).entrySet()) {
      field(digest, "arg=" + arg.getKey() + "=" + arg.getValue());
    }
    for (ContextEntry e : context.entries()) {
      switch (e.kind()) {
        case DIRECTORY -> { }
        case SYMLINK -> field(digest, "link " + e.path() + " -> " + e.linkTarget());
        case FILE -> field(digest, "file " + e.path() + (e.executable() ? " x " : " - ") + fileHash(e));
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The tag for a context hash: {@code dev-} and its first 12 hex digits. */
  public static String tag(String hash) {
    return "dev-" + hash.substring(0, TAG_HEX);
  }

  static String fileHash(ContextEntry e) throws IOException {
    MessageDigest digest = sha256();
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(e.file())) {
      for (int n; (n = in.read(buf)) > 0; ) {
        digest.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void field(MessageDigest digest, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
