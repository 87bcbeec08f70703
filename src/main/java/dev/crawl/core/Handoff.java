package dev.crawl.core;

import java.net.URI;

/**
 * A link a sharded crawl found to a server of another shard: not fetched here, but written down
 * (in {@code handoff.jsonl}) for a next round to feed to its shard.
 *
 * @param depth the depth the link would have had here
 * @param shard the shard that owns it
 */
public record Handoff(URI url, URI referrer, int depth, int shard) {}
