package dev.crawl.fetch;

/**
 * When one download happened, in nanoseconds from one clock relative to the run's start, and the
 * lane (thread, virtual-thread slot, worker process, event-loop slot) that ran it.
 *
 * @param firstByte when the response headers arrived, or -1 if they never did
 */
public record FetchTimings(long queued, long started, long firstByte, long finished, String lane) {

  public long latency() {
    return finished - started;
  }
}
