package io.hostk8s.dev.testbed.image;

/**
 * An image reference split the way a container runtime reads it: {@code 127.0.0.1:5000/reg/hostk8s-vote:abc} →
 * host {@code 127.0.0.1:5000}, repository {@code reg/hostk8s-vote}, reference {@code abc} (a tag or a digest).
 * A first segment without a dot, colon or {@code localhost} is a Docker Hub name ({@code docker.io}).
 */
public record ImageReference(String host, String repository, String reference) {

  public static ImageReference parse(String image) {
    String rest = image;
    String host = "docker.io";
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        host = first;
        rest = rest.substring(slash + 1);
      }
    }
    String reference = "latest";
    int at = rest.indexOf('@');
    if (at >= 0) {
      reference = rest.substring(at + 1);
      rest = rest.substring(0, at);
    } else {
      int colon = rest.lastIndexOf(':');
      if (colon > rest.lastIndexOf('/')) {
        reference = rest.substring(colon + 1);
        rest = rest.substring(0, colon);
      }
    }
    if (host.equals("docker.io") && !rest.contains("/")) {
      rest = "library/" + rest;
    }
    return new ImageReference(host, rest, reference);
  }

  @Override
  public String toString() {
    return host + "/" + repository + (reference.contains(":") ? "@" : ":") + reference;
  }
}
