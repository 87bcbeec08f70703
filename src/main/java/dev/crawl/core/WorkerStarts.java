package dev.crawl.core;

import java.util.Arrays;

/**
 * How a run's worker processes started ({@code processes} mode).
 *
 * @param count worker JVMs that became ready
 * @param medianSeconds median time from launching a worker to its first line (JVM start and set-up)
 * @param maxSeconds the slowest of them
 * @param cacheGiven the workers were started with a start-up cache (JDK 25: the launcher's AOT cache)
 * @param onCache how many ran on a start-up cache; fewer than {@code count} where it was given means
 *     some were refused it, and started several times slower
 */
public record WorkerStarts(int count, double medianSeconds, double maxSeconds, boolean cacheGiven, int onCache) {

  public static WorkerStarts of(long[] startNanos, boolean cacheGiven, int onCache) {
    if (startNanos.length == 0) {
      return new WorkerStarts(0, 0, 0, cacheGiven, 0);
    }
    long[] sorted = startNanos.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    long median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    return new WorkerStarts(n, seconds(median), seconds(sorted[n - 1]), cacheGiven, onCache);
  }

  /** True when a cache was given and some worker ran without it. */
  public boolean cacheRefused() {
    return cacheGiven && onCache < count;
  }

  private static double seconds(long nanos) {
    return Math.round(nanos / 1e6) / 1e3;
  }
}
