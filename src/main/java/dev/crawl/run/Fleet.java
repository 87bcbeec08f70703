package dev.crawl.run;

import dev.crawl.core.Shard;
import java.net.URI;
import java.time.Duration;

/**
 * How a run shares its work with other crawl processes, if it does.
 *
 * @param shard its part of the list by server ({@code --shard}); {@link Shard#ALL} for all of it
 * @param frontier a shared frontier on Redis ({@code --frontier redis://HOST:PORT/NAME}), or null
 * @param lease how long a task taken from the shared frontier stays this process's without a renewal
 */
public record Fleet(Shard shard, URI frontier, Duration lease) {
  /** A run on its own. */
  public static final Fleet ALONE = new Fleet(Shard.ALL, null, Duration.ofSeconds(60));

  public Fleet withShard(Shard s) {
    return new Fleet(s, frontier, lease);
  }
}
