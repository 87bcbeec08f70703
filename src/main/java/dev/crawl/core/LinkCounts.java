package dev.crawl.core;

/** What became of the links a crawl discovered, for the report. */
public record LinkCounts(
    long found, long queued, long duplicate, long outOfScope, long tooDeep, long robots, String robotsTxt) {}
