package io.hostk8s.dev.sync;

import java.util.List;

/** Finds the pods to sync into at send time ({@link PodLocator} asks the cluster by selector). */
public interface PodFinder {
  List<PodRef> find();

  /** For messages: what is looked for, e.g. "pods {app=vote} in sample-app". */
  String describe();
}
