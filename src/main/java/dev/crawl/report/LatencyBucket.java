package dev.crawl.report;

/** One bar of the latency histogram: downloads that took from {@code fromMs} up to {@code toMs}. */
public record LatencyBucket(double fromMs, double toMs, long count) {}
