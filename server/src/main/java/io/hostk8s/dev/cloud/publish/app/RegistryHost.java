package io.hostk8s.dev.cloud.publish.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.io.IOException;
import java.util.Iterator;

/** The registry's host, as its docker credentials name it ({@code registry.digitalocean.com}); never the secret. */
final class RegistryHost {
  private RegistryHost() {}

  static String of(String dockerConfigJson) {
    try {
      JsonNode auths = new ObjectMapper().readTree(dockerConfigJson).path("auths");
      Iterator<String> hosts = auths.fieldNames();
      if (hosts.hasNext()) {
        return hosts.next();
      }
    } catch (IOException e) {
      // fall through: the message below never quotes the JSON (it holds the password)
    }
    throw HostK8sException.user(ErrorCode.CLOUD_REJECTED, "DigitalOcean's docker credentials name no registry host.",
        "Check the registry in the control panel (Container Registry) and run apply again.");
  }
}
