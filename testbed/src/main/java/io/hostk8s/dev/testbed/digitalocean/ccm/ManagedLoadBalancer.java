package io.hostk8s.dev.testbed.digitalocean.ccm;

import io.hostk8s.dev.testbed.net.Pipes;
import io.hostk8s.dev.testbed.net.TcpRelay;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * One Service's load balancer: its id in the account, its loopback IP and one {@link TcpRelay} per Service port on
 * that IP, each forwarding to the Service's own relay (the sandbox's kube-proxy), so the LB reaches the endpoints.
 */
final class ManagedLoadBalancer {

  final String serviceUid;
  final String namespace;
  final String service;
  final String lbId;
  String ip;
  String status = "new";
  List<Integer> ports = List.of();
  Instant retryAt = Instant.EPOCH;
  String lastError;
  private final Map<Integer, TcpRelay> relays = new LinkedHashMap<>();

  ManagedLoadBalancer(String serviceUid, String namespace, String service, String lbId) {
    this.serviceUid = serviceUid;
    this.namespace = namespace;
    this.service = service;
    this.lbId = lbId;
  }

  /**
   * Listens on {@code ip:port} for every port; {@code backend} gives the local port of the Service's relay for a
   * Service port. All or nothing: a port that cannot be bound closes the others and throws.
   */
  void open(String ip, List<Integer> servicePorts, IntFunction<Integer> backend) {
    closeRelays();
    InetAddress address;
    try {
      address = InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(ip, e);
    }
    try {
      for (int port : servicePorts) {
        relays.put(port, new TcpRelay("lb-" + ip + ":" + port, new InetSocketAddress(address, port),
            () -> backend.apply(port)));
      }
    } catch (UncheckedIOException e) {
      closeRelays();
      throw e;
    }
    this.ip = ip;
    this.ports = List.copyOf(servicePorts);
  }

  void closeRelays() {
    relays.values().forEach(Pipes::closeQuietly);
    relays.clear();
  }
}
