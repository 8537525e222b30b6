package io.hostk8s.dev.testbed.controller;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** The {@code pod-template-hash} of a template and random pod-name suffixes, in Kubernetes' safe alphabet. */
final class TemplateHash {

  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private TemplateHash() {
  }

  static String of(PodTemplateSpec template) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest(Serialization.asJson(template).getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 10; i++) {
        sb.append(ALPHABET.charAt((d[i] & 0xff) % ALPHABET.length()));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String suffix() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
