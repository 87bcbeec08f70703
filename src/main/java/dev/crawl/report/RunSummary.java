package dev.crawl.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The summary of one run, written as {@code summary.json}: its parts are written as one flat object
 * (the file's fields as they always were), and read back the same way ({@code crawl merge}).
 *
 * @param links what became of discovered links in a recursive crawl; null in list mode
 */
public record RunSummary(
    @JsonUnwrapped Shape shape,
    @JsonUnwrapped Results results,
    @JsonUnwrapped Speed speed,
    @JsonUnwrapped Load load,
    @JsonUnwrapped Context context,
    dev.crawl.core.LinkCounts links,
    @JsonUnwrapped Part part) {

  /** The transport runs take unless told otherwise; {@code --transport}'s default. */
  public static final String DEFAULT_TRANSPORT = "netty";

  /**
   * How the run was set up to go.
   *
   * @param transport what moved the bytes ({@code netty}, {@code jdk}); null in a merged report
   */
  public record Shape(
      String mode, int concurrency, int perHost, String scheduling, String executors, String transport) {}

  /**
   * What it saved.
   *
   * @param contentDigest fingerprint of the saved tree, equal across runs that saved the same files
   * @param hosts how many servers (scheme, host, port) the run's downloads went to
   * @param protocols saved URLs by the protocol they came over ({@code h2}, {@code http/1.1})
   */
  public record Results(
      Counts counts, long bytes, String contentDigest, int hosts, java.util.SortedMap<String, Long> protocols) {}

  /**
   * How fast it went.
   *
   * @param setupSeconds building the HTTP client and report writers, before the clock starts
   * @param wallSeconds from the first download's dispatch to the last result
   * @param cpuSeconds CPU time of this JVM during the run, plus its worker processes
   */
  public record Speed(
      double setupSeconds, double wallSeconds, double cpuSeconds, double filesPerSecond, double megabytesPerSecond,
      Latency latencyMs, java.util.List<LatencyBucket> latencyHistogram) {}

  /**
   * What it took of the machine.
   *
   * @param peakInFlight the most downloads on the wire at once (a wait for a per-host slot not counted)
   * @param peakPlatformThreads the most platform threads this run added to the JVM at once
   * @param processes worker processes started ({@code processes} mode only)
   * @param workerStarts how the worker processes started; null outside {@code processes} mode
   */
  public record Load(
      int peakInFlight, int peakPlatformThreads, int processes, dev.crawl.core.WorkerStarts workerStarts) {}

  /**
   * Where and when it ran, and how it ended.
   *
   * @param insecure certificates were not checked ({@code --insecure})
   */
  public record Context(
      String outputDir, String reportDir, String startedAt, String java, String exitReason, boolean insecure) {}

  /**
   * Its part of a fleet's work.
   *
   * @param shard this run's part of the list, {@code K/N} ({@code --shard}); null for the whole list
   * @param otherShards listed URLs left to the other shards, not in this run's report
   */
  public record Part(String shard, long otherShards) {}

  public String mode() {
    return shape.mode();
  }

  public int concurrency() {
    return shape.concurrency();
  }

  public int perHost() {
    return shape.perHost();
  }

  public String scheduling() {
    return shape.scheduling();
  }

  public String executors() {
    return shape.executors();
  }

  public String transport() {
    return shape.transport();
  }

  public Counts counts() {
    return results.counts();
  }

  public long bytes() {
    return results.bytes();
  }

  public String contentDigest() {
    return results.contentDigest();
  }

  public int hosts() {
    return results.hosts();
  }

  public java.util.SortedMap<String, Long> protocols() {
    return results.protocols();
  }

  public double setupSeconds() {
    return speed.setupSeconds();
  }

  public double wallSeconds() {
    return speed.wallSeconds();
  }

  public double cpuSeconds() {
    return speed.cpuSeconds();
  }

  public double filesPerSecond() {
    return speed.filesPerSecond();
  }

  public double megabytesPerSecond() {
    return speed.megabytesPerSecond();
  }

  public Latency latencyMs() {
    return speed.latencyMs();
  }

  public java.util.List<LatencyBucket> latencyHistogram() {
    return speed.latencyHistogram();
  }

  public int peakInFlight() {
    return load.peakInFlight();
  }

  public int peakPlatformThreads() {
    return load.peakPlatformThreads();
  }

  public int processes() {
    return load.processes();
  }

  public dev.crawl.core.WorkerStarts workerStarts() {
    return load.workerStarts();
  }

  public String outputDir() {
    return context.outputDir();
  }

  public String reportDir() {
    return context.reportDir();
  }

  public String startedAt() {
    return context.startedAt();
  }

  public String java() {
    return context.java();
  }

  public String exitReason() {
    return context.exitReason();
  }

  public boolean insecure() {
    return context.insecure();
  }

  public String shard() {
    return part.shard();
  }

  public long otherShards() {
    return part.otherShards();
  }

  /** How the run is named beside others: its mode, and its transport where it is not the default ({@code async/jdk}). */
  public String label() {
    String transport = transport();
    return transport == null || transport.equals(DEFAULT_TRANSPORT) ? mode() : mode() + "/" + transport;
  }

  /**
   * True when the per-host cap, not the concurrency, bounded the run: all its hosts together could
   * not fill the -c slots, and there was more to download than they allowed at once.
   */
  public boolean boundByPerHost() {
    long cap = (long) hosts() * perHost();
    return perHost() > 0 && hosts() > 0 && cap < concurrency() && counts().saved() + counts().failed() > cap;
  }
}
