package io.hostk8s.dev.testbed.kubelet;

import io.hostk8s.dev.testbed.recipes.LaunchPlan;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Readiness checks on a local port. LISTEN never connects: debugpy and JDWP take the first client as theirs. */
final class Probes {

  private Probes() {
  }

  static boolean ready(LaunchPlan plan, long aliveMillis) {
    int port = plan.readyPort();
    return switch (plan.probe()) {
      case CONNECT -> connects(port);
      case HTTP -> httpOk(port, plan.readyPath());
      case LISTEN -> listening(port);
      case ALIVE -> aliveMillis >= 1000;
    };
  }

  static boolean httpOk(int port, String path) {
    try {
      java.net.HttpURLConnection c = (java.net.HttpURLConnection) new java.net.URL(
          "http://127.0.0.1:" + port + path).openConnection();
      c.setConnectTimeout(1000);
      c.setReadTimeout(3000);
      int code = c.getResponseCode();
      c.disconnect();
      return code >= 200 && code < 400;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean connects(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean listening(int port) {
    String hex = String.format(Locale.ROOT, ":%04X", port);
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] f = line.trim().split("\\s+");
          if (f.length > 3 && f[1].endsWith(hex) && "0A".equals(f[3])) {
            return true;
          }
        }
      } catch (IOException e) {
        // table missing (no IPv6): try the next
      }
    }
    return false;
  }
}
