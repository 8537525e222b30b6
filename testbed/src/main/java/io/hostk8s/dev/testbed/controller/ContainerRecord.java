package io.hostk8s.dev.testbed.controller;

import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;

/** What the kubelet remembers about one pod's container between ticks. */
final class ContainerRecord {

  int restarts;
  Integer lastExit;
  Instant lastFinished;
  Instant restartAt;
  /** when a pod held back by unmet requirements ({@code CreateContainerConfigError}) is checked again */
  Instant recheckAt;
  String waitingReason;
  String waitingMessage;
  boolean finished;
  boolean ready;
  PodStatus written;
}
