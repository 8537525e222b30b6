package io.hostk8s.dev.tutorial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Markdown file's links and images that do not resolve: a missing file, or a missing heading for an anchor. */
final class TutorialLinks {
  private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$");

  private TutorialLinks() {
  }

  static List<String> broken(Path file) throws Exception {
    String text = Files.readString(file).replaceAll("(?ms)^```.*?^```", "");
    List<String> broken = new ArrayList<>();
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      String target = m.group(1);
      if (target.matches("(?i)(https?|mailto|command):.*")) {
        continue;
      }
      String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
      String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
      Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
      if (!Files.exists(resolved)) {
        broken.add(target + " (no file " + resolved + ")");
      } else if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
        broken.add(target + " (no heading #" + anchor + " in " + resolved.getFileName() + ")");
      }
    }
    return broken;
  }

  /** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
  static List<String> anchors(Path md) throws Exception {
    List<String> anchors = new ArrayList<>();
    Matcher h = HEADING.matcher(Files.readString(md).replaceAll("(?ms)^```.*?^```", ""));
    while (h.find()) {
      anchors.add(slug(h.group(1)));
    }
    return anchors;
  }

  static String slug(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }
}
