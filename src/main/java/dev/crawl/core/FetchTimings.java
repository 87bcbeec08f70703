package dev.crawl.core;

/**
 * When one download happened, in nanoseconds from one clock relative to the run's start, and the
 * lane (thread, virtual-thread slot, worker process, event-loop slot) that ran it.
 *
 * @param firstByte when the response headers arrived, or -1 if they never did
 * @param waited of the time between started and finished, how long the download waited for a
 *     per-host slot or a {@code --rate} turn before its requests went out: politeness, not the wire
 */
public record FetchTimings(long queued, long started, long firstByte, long finished, String lane, long waited) {

  /** A download that never waited. */
  public FetchTimings(long queued, long started, long firstByte, long finished, String lane) {
    this(queued, started, firstByte, finished, lane, 0);
  }

  /**
   * The same download on another clock and lane: a run's timings moved onto a fleet's time axis
   * ({@code crawl merge}).
   */
  public FetchTimings shifted(long nanos, String newLane) {
    return new FetchTimings(queued + nanos, started + nanos, firstByte < 0 ? firstByte : firstByte + nanos,
        finished + nanos, newLane, waited);
  }

  /** Time on the wire: the requests themselves, waits for a slot left out. */
  public long latency() {
    return finished - started - waited;
  }
}
