package io.hostk8s.dev.testbed.controller;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.hostk8s.dev.testbed.kubelet.PodRuntime;
import java.time.Instant;
import java.util.List;

/** Builds the pod status the kubelet reports, from the runtime and its {@link ContainerRecord}. */
final class PodStatuses {

  private PodStatuses() {
  }

  static PodStatus of(Pod pod, PodRuntime rt, ContainerRecord rec) {
    Container c = pod.getSpec().getContainers().get(0);
    boolean running = rt != null && rt.alive();
    String phase = phase(running, rec);
    ContainerStatusBuilder cs = new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage())
        .withImageID("sandbox://" + c.getImage()).withContainerID(rt == null ? null : "sandbox://" + rt.uid())
        .withReady(rec.ready).withStarted(running).withRestartCount(rec.restarts);
    if (running) {
      cs.withState(new ContainerStateBuilder().withNewRunning().withStartedAt(ts(rt.startedAt())).endRunning().build());
    } else if (rec.finished) {
      cs.withState(terminated(rec));
    } else {
      cs.withState(new ContainerStateBuilder().withNewWaiting().withReason(rec.waitingReason)
          .withMessage(rec.waitingMessage).endWaiting().build());
    }
    if (rec.lastExit != null && !rec.finished) {
      cs.withLastState(terminated(rec));
    }
    ContainerStatus status = cs.build();
    String created = pod.getMetadata().getCreationTimestamp();
    return new PodStatusBuilder().withPhase(phase).withHostIP("127.0.0.1").withPodIP("127.0.0.1")
        .addNewPodIP("127.0.0.1").withStartTime(created)
        .withConditions(List.of(cond("PodScheduled", true, created), cond("Initialized", true, created),
            cond("ContainersReady", rec.ready, null), cond("Ready", rec.ready, null)))
        .withContainerStatuses(status).build();
  }

  private static String phase(boolean running, ContainerRecord rec) {
    if (rec.finished) {
      return rec.lastExit != null && rec.lastExit == 0 ? "Succeeded" : "Failed";
    }
    return running || rec.restarts > 0 ? "Running" : "Pending";
  }

  private static io.fabric8.kubernetes.api.model.ContainerState terminated(ContainerRecord rec) {
    int code = rec.lastExit == null ? 0 : rec.lastExit;
    return new ContainerStateBuilder().withNewTerminated().withExitCode(code)
        .withReason(code == 0 ? "Completed" : "Error").withFinishedAt(ts(rec.lastFinished)).endTerminated().build();
  }

  private static PodCondition cond(String type, boolean ok, String since) {
    return new PodConditionBuilder().withType(type).withStatus(ok ? "True" : "False")
        .withLastTransitionTime(since).build();
  }

  static String ts(Instant i) {
    return i == null ? null : i.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }
}
