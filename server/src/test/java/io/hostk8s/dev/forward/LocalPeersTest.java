package io.hostk8s.dev.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A forward's listener tells this user's programs from other users' (Linux, where CI runs: the kernel's socket
 * tables must be there). The other user is real: nobody (65534), through setpriv, when the tests run as root.
 */
class LocalPeersTest {
  private static int ownUid() throws Exception {
    return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
  }

  @Test
  void aConnectionFromThisUserIsThisUsers() throws Exception {
    assertThat(Path.of("/proc/net/tcp")).as("Linux socket table").exists();
    try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        SocketChannel client = SocketChannel.open(server.getLocalAddress());
        SocketChannel accepted = server.accept()) {
      assertThat(LocalPeers.uidOf(accepted)).hasValue(ownUid());
      assertThat(LocalPeers.otherUser(accepted)).isEmpty();
    }
  }

  @Test
  void aConnectionFromAnotherUserIsNamedByItsUid() throws Exception {
    assumeThat(ownUid()).as("switching to another user needs root").isZero();
    assertThat(Path.of("/usr/bin/setpriv")).as("setpriv (util-linux)").exists();
    try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
      Process nobody = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
          "/usr/bin/python3", "-c", "import socket,time; s=socket.create_connection(('127.0.0.1'," + port + ")); time.sleep(10)")
          .redirectErrorStream(true).start();
      try (SocketChannel accepted = server.accept()) {
        assertThat(LocalPeers.uidOf(accepted)).hasValue(65534);
        assertThat(LocalPeers.otherUser(accepted)).hasValue(65534);
      } finally {
        nobody.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void thePeersRowIsTheOneWithItsPortLocalAndOursRemote() {
    List<String> rows = List.of(
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
        "   0: 0100007F:9C40 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 11 1",
        "   1: 0100007F:9C40 0100007F:D431 01 00000000:00000000 00:00000000 00000000  1000        0 12 1",
        "   2: 0100007F:D431 0100007F:9C40 01 00000000:00000000 00:00000000 00000000  1001        0 13 1");
    // our listener 40000 (0x9C40) accepted a connection from port 54321 (0xD431): row 2 is the peer's end
    assertThat(LocalPeers.uidIn(rows, 54321, 40000)).hasValue(1001);
    assertThat(LocalPeers.uidIn(rows, 54322, 40000)).isEqualTo(OptionalInt.empty());
    List<String> v6 = List.of("   0: 0000000000000000FFFF00000100007F:D431 0000000000000000FFFF00000100007F:9C40 01 "
        + "00000000:00000000 00:00000000 00000000     0        0 14 1");
    assertThat(LocalPeers.uidIn(v6, 54321, 40000)).hasValue(0);
  }
}
