package io.hostk8s.dev.forward;

/** A pod as a forward reaches it: its name (for messages) and its uid (its identity). */
public record PodRef(String name, String uid) {
  /** Same pod: the same uid when both are known, else the same name. */
  public boolean samePod(PodRef other) {
    if (other == null) {
      return false;
    }
    return uid != null && other.uid != null ? uid.equals(other.uid) : name.equals(other.name);
  }
}
