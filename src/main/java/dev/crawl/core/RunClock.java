package dev.crawl.core;

/** One monotonic clock per run: every timing in a report is nanoseconds since its origin. */
public final class RunClock {
  private volatile long origin;

  public RunClock() {
    this(System.nanoTime());
  }

  public RunClock(long originNanos) {
    this.origin = originNanos;
  }

  /**
   * Moves the origin to now and returns the time that had passed: a run starts its clock once the
   * client is set up, so the wall time measures downloading, not construction.
   */
  public long restart() {
    long now = System.nanoTime();
    long before = now - origin;
    origin = now;
    return before;
  }

  public long now() {
    return System.nanoTime() - origin;
  }
}
