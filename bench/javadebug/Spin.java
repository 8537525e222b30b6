/** Debuggee for the java-debug bench: hits the marked line about every millisecond. */
public class Spin {
  public static void main(String[] args) throws InterruptedException {
    long total = 0;
    while (true) {
      total += step(total);
      Thread.sleep(1);
    }
  }

  static long step(long total) {
    long next = total % 7; // BREAKPOINT
    return next + 1;
  }
}
