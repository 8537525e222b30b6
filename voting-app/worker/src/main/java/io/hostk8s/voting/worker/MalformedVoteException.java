package io.hostk8s.voting.worker;

/** A queue item that can never become a row: it goes to the dead-letter list instead. */
public final class MalformedVoteException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedVoteException(String message) {
    super(message);
  }
}
