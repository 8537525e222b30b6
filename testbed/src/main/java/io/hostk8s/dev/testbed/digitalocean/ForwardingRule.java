package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One forwarding rule of a load balancer, as DigitalOcean's {@code forwarding_rule} schema has it.
 *
 * @param entryProtocol {@code tcp}, {@code http}, {@code https}, … (what clients speak to the LB)
 * @param entryPort the port the LB listens on (the Service port)
 * @param targetProtocol what the LB speaks to the nodes
 * @param targetPort the nodes' port (the Service's nodePort)
 */
public record ForwardingRule(String entryProtocol, int entryPort, String targetProtocol, int targetPort) {

  ObjectNode toJson() {
    return Json.object().put("entry_protocol", entryProtocol).put("entry_port", entryPort)
        .put("target_protocol", targetProtocol).put("target_port", targetPort).put("certificate_id", "")
        .put("tls_passthrough", false);
  }
}
