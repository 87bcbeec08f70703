package dev.crawl.report;

/**
 * The summary of one run, written as {@code summary.json}.
 *
 * @param setupSeconds building the HTTP client and report writers, before the clock starts
 * @param wallSeconds from the first download's dispatch to the last result
 * @param cpuSeconds CPU time of this JVM during the run, plus its worker processes
 * @param peakInFlight the most downloads on the wire at once (a wait for a per-host slot not counted)
 * @param peakPlatformThreads the most platform threads this run added to the JVM at once
 * @param processes worker processes started ({@code processes} mode only)
 * @param contentDigest fingerprint of the saved tree, equal across runs that saved the same files
 * @param links what became of discovered links in a recursive crawl; null in list mode
 * @param hosts how many servers (scheme, host, port) the run's downloads went to
 * @param insecure certificates were not checked ({@code --insecure})
 * @param protocols saved URLs by the protocol they came over ({@code h2}, {@code http/1.1})
 * @param shard this run's part of the list, {@code K/N} ({@code --shard}); null for the whole list
 * @param otherShards listed URLs left to the other shards, not in this run's report
 * @param workerStarts how the worker processes started; null outside {@code processes} mode
 * @param transport what moved the bytes ({@code netty}, {@code jdk}); null in a merged report
 */
public record RunSummary(
    String mode,
    int concurrency,
    int perHost,
    String scheduling,
    String executors,
    Counts counts,
    long bytes,
    double setupSeconds,
    double wallSeconds,
    double cpuSeconds,
    double filesPerSecond,
    double megabytesPerSecond,
    Latency latencyMs,
    java.util.List<LatencyBucket> latencyHistogram,
    int peakInFlight,
    int peakPlatformThreads,
    int processes,
    String contentDigest,
    String outputDir,
    String reportDir,
    String startedAt,
    String java,
    String exitReason,
    dev.crawl.core.LinkCounts links,
    int hosts,
    boolean insecure,
    java.util.SortedMap<String, Long> protocols,
    String shard,
    long otherShards,
    dev.crawl.core.WorkerStarts workerStarts,
    String transport) {

  /** The transport runs take unless told otherwise; {@code --transport}'s default. */
  public static final String DEFAULT_TRANSPORT = "netty";

  /** How the run is named beside others: its mode, and its transport where it is not the default ({@code async/jdk}). */
  public String label() {
    return transport == null || transport.equals(DEFAULT_TRANSPORT) ? mode : mode + "/" + transport;
  }

  /**
   * True when the per-host cap, not the concurrency, bounded the run: all its hosts together could
   * not fill the -c slots, and there was more to download than they allowed at once.
   */
  public boolean boundByPerHost() {
    long cap = (long) hosts * perHost;
    return perHost > 0 && hosts > 0 && cap < concurrency && counts.saved() + counts.failed() > cap;
  }
}
