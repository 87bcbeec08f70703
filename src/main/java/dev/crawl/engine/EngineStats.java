package dev.crawl.engine;

/**
 * What an engine observed about itself.
 *
 * @param peakInFlight the most downloads on the wire at once (sent, not finished)
 * @param processes worker processes used (0 outside {@code processes} mode)
 * @param childCpuNanos CPU time spent in worker processes
 * @param scheduling what ran the downloads, in words, for the report
 */
public record EngineStats(int peakInFlight, int processes, long childCpuNanos, String scheduling) {}
