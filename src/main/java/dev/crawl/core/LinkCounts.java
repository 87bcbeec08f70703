package dev.crawl.core;

/**
 * What became of the links a crawl discovered, for the report.
 *
 * @param handedOff links to servers of other shards, written to handoff.jsonl ({@code --shard})
 * @param fromSitemaps of those found, the URLs the start servers' sitemaps listed ({@code --sitemaps})
 * @param traps of those found, the ones not followed as crawler traps, by reason
 */
public record LinkCounts(
    long found, long queued, long duplicate, long outOfScope, long tooDeep, long robots, String robotsTxt,
    long handedOff, long fromSitemaps, TrapCounts traps) {}
