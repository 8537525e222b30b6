package io.hostk8s.dev.debug;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** sha256 of local files, and the parsing of {@code sha256sum} output (coreutils format) from the container. */
final class SourceHashes {
  private static final Pattern LINE = Pattern.compile("^\\\\?([0-9a-fA-F]{64}) [ *](.+)$");

  private SourceHashes() {}

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[64 * 1024];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  /** path → hash for each line {@code <hash>  <path>} (binary-mode {@code *} marker accepted). */
  static Map<String, String> parse(String sha256sumOutput) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : sha256sumOutput.split("\r?\n")) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        out.put(m.group(2), m.group(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return out;
  }
}
