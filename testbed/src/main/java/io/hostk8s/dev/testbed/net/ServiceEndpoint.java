package io.hostk8s.dev.testbed.net;

import java.util.Map;

/**
 * A Service as pods on this host reach it: 127.0.0.1 and one stable local port per service port.
 *
 * @param ports service port to local relay port (insertion order = declaration order)
 */
public record ServiceEndpoint(String namespace, String name, Map<Integer, Integer> ports) {

  /** The local port for {@code servicePort}, or for the first port when it is null or unknown. */
  public int localPort(Integer servicePort) {
    if (servicePort != null && ports.containsKey(servicePort)) {
      return ports.get(servicePort);
    }
    return ports.values().iterator().next();
  }
}
