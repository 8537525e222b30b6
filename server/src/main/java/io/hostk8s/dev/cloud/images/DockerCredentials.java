package io.hostk8s.dev.cloud.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostk8s.dev.build.RegistryCredentials;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * DigitalOcean's {@code docker-credentials} answer — {@code {"auths":{"<host>":{"auth":"base64(user:pass)"}}}} —
 * read in memory: the registry host and the credentials, never written anywhere. {@link #toString()} hides them.
 */
public record DockerCredentials(String host, RegistryCredentials credentials) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The first (DigitalOcean sends exactly one) host of {@code auths} with its decoded {@code auth}. */
  public static DockerCredentials parse(String json) {
    JsonNode auths;
    try {
      auths = JSON.readTree(json == null ? "" : json).path("auths");
    } catch (IOException e) {
      throw unreadable("it is not JSON");
    }
    Iterator<Map.Entry<String, JsonNode>> hosts = auths.fields();
    if (!hosts.hasNext()) {
      throw unreadable("it names no registry under \"auths\"");
    }
    Map.Entry<String, JsonNode> entry = hosts.next();
    String auth = entry.getValue().path("auth").asText("");
    try {
      return new DockerCredentials(entry.getKey(),
          RegistryCredentials.of(new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      throw unreadable("the \"auth\" of " + entry.getKey() + " is not base64 of user:password");
    }
  }

  /** {@code <host>/<registry name>}: where the images go. */
  public String registryPrefix(String registryName) {
    return host + "/" + registryName;
  }

  private static HostK8sException unreadable(String why) {
    return HostK8sException.user(ErrorCode.REGISTRY_UNAUTHORIZED, "DigitalOcean's registry credentials cannot be used: " + why + ".",
        "Publish again: the credentials are fetched fresh each time (GET /v2/registry/{name}/docker-credentials).");
  }

  @Override
  public String toString() {
    return "DockerCredentials[host=" + host + ", credentials=***]";
  }
}
