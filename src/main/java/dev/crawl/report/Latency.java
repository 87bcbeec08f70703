package dev.crawl.report;

/** Latency percentiles of the fetched URLs, start to finish, in milliseconds. */
public record Latency(double p50, double p90, double p95, double p99, double max, double mean) {}
