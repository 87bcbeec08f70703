package dev.crawl.fetch;

/** One monotonic clock per run: every timing in a report is nanoseconds since its origin. */
public final class RunClock {
  private final long origin;

  public RunClock() {
    this(System.nanoTime());
  }

  public RunClock(long originNanos) {
    this.origin = originNanos;
  }

  public long now() {
    return System.nanoTime() - origin;
  }
}
