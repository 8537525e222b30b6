package io.hostk8s.dev.forward;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which local user is at the other end of a connection a forward accepted on 127.0.0.1. A forward to debugpy or JDWP
 * hands whoever connects the power to run code in the pod, and a loopback port is open to every user of the machine:
 * a connection from another user is refused. Linux: the kernel's socket tables ({@code /proc/net/tcp}, {@code tcp6})
 * name the uid that owns the peer's socket. Where there are no such tables (macOS, Windows) nothing is refused.
 */
final class LocalPeers {
  private static final Logger LOG = Logger.getLogger(LocalPeers.class.getName());
  private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
  private static final OptionalInt OWN_UID = ownUid();

  private LocalPeers() {}

  /** The uid of the user at the other end of {@code accepted} when it is not this process's user; empty otherwise. */
  static OptionalInt otherUser(SocketChannel accepted) {
    if (OWN_UID.isEmpty()) {
      return OptionalInt.empty();
    }
    OptionalInt peer = uidOf(accepted);
    return peer.isPresent() && peer.getAsInt() != OWN_UID.getAsInt() ? peer : OptionalInt.empty();
  }

  /** The uid owning the peer's socket of {@code accepted}, from the kernel's tables; empty when they do not say. */
  static OptionalInt uidOf(SocketChannel accepted) {
    try {
      int ours = ((InetSocketAddress) accepted.getLocalAddress()).getPort();
      int peers = ((InetSocketAddress) accepted.getRemoteAddress()).getPort();
      List<String> rows = new ArrayList<>();
      for (Path t : TABLES) {
        if (Files.isReadable(t)) {
          rows.addAll(Files.readAllLines(t));
        }
      }
      return uidIn(rows, peers, ours);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "peer lookup failed", e);
      return OptionalInt.empty();
    }
  }

  /**
   * The uid of the socket whose local port is {@code peerPort} and remote port {@code ourPort} (the peer's end of the
   * connection) in rows of {@code /proc/net/tcp}: "sl local rem st queues tr retrnsmt uid …", ports in hex.
   */
  static OptionalInt uidIn(List<String> rows, int peerPort, int ourPort) {
    for (String row : rows) {
      String[] f = row.trim().split("\\s+");
      if (f.length < 8 || !f[0].endsWith(":")) {
        continue; // the header
      }
      if (port(f[1]) == peerPort && port(f[2]) == ourPort) {
        try {
          return OptionalInt.of(Integer.parseInt(f[7]));
        } catch (NumberFormatException e) {
          return OptionalInt.empty();
        }
      }
    }
    return OptionalInt.empty();
  }

  private static int port(String address) {
    int colon = address.lastIndexOf(':');
    try {
      return colon < 0 ? -1 : Integer.parseInt(address.substring(colon + 1), 16);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static OptionalInt ownUid() {
    try {
      return OptionalInt.of((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty(); // no /proc: nothing to compare with
    }
  }
}
