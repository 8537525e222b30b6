package io.hostk8s.dev.debug.java;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The package a Java source file declares: "" for the default package, empty when unreadable. */
final class JavaPackage {
  private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\s*\\.\\s*[\\p{L}_$][\\p{L}\\p{N}_$]*)*)\\s*;");
  private static final Pattern TYPE = Pattern.compile("^\\s*(?:public\\s+|final\\s+|abstract\\s+|sealed\\s+)*(?:class|interface|enum|record|@interface)\\b");

  private JavaPackage() {}

  static Optional<String> declaredIn(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      boolean inComment = false;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String code = line;
        if (inComment) {
          int end = code.indexOf("*/");
          if (end < 0) {
            continue;
          }
          code = code.substring(end + 2);
          inComment = false;
        }
        if (code.trim().startsWith("/*") && !code.contains("*/")) {
          inComment = true;
          continue;
        }
        Matcher m = PACKAGE.matcher(code);
        if (m.find()) {
          return Optional.of(m.group(1).replaceAll("\\s", ""));
        }
        if (TYPE.matcher(code).find()) {
          return Optional.of("");
        }
      }
      return Optional.of("");
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
