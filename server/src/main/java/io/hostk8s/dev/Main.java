package io.hostk8s.dev;

public final class Main {
  private Main() {}

  public static void main(String[] args) {}
}
