package dev.crawl.engine;

import dev.crawl.core.WorkerStarts;

/**
 * What an engine observed about itself.
 *
 * @param peakInFlight the most downloads on the wire at once (sent, not finished)
 * @param processes worker processes used (0 outside {@code processes} mode)
 * @param childCpuNanos CPU time spent in worker processes
 * @param scheduling what ran the downloads, in words, for the report
 * @param workerStarts how the worker processes started; null outside {@code processes} mode
 */
public record EngineStats(
    int peakInFlight, int processes, long childCpuNanos, String scheduling, WorkerStarts workerStarts) {

  /** An engine without worker processes. */
  public EngineStats(int peakInFlight, String scheduling) {
    this(peakInFlight, 0, 0, scheduling, null);
  }
}
