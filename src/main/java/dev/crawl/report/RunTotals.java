package dev.crawl.report;

/** What the recorder gathered while a run streamed by. */
public record RunTotals(
    Counts counts,
    long bytes,
    Latency latency,
    java.util.List<LatencyBucket> histogram,
    String contentDigest,
    int hosts,
    java.util.Map<String, Long> protocols) {}
