package dev.crawl.frontier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crawl.core.Origin;
import dev.crawl.core.RunClock;
import dev.crawl.core.Shard;
import dev.crawl.core.Task;
import dev.crawl.core.UrlResult;
import dev.crawl.input.InputSource;
import dev.crawl.input.LineReader;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Four shards over one list of 100,000 URLs on 1,000 servers: every URL in exactly one, no server split. */
class ShardedListTest {
  private static final int SHARDS = 4;

  @TempDir Path tmp;

  @Test
  void theShardsOfAListAreItsUrlsEachOnceWithNoServerSplit() throws Exception {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      // 250 loopback addresses and 4 ports: 1,000 servers, no name to resolve
      urls.add("http://127.0.0." + (1 + i % 250) + ":" + (8000 + (i / 250) % 4) + "/f/" + i);
    }
    Path list = Files.write(tmp.resolve("urls.txt"), urls);

    Map<String, Integer> shardOfUrl = new HashMap<>();
    Map<String, Set<Integer>> shardsOfServer = new HashMap<>();
    long othersCounted = 0;
    for (int k = 1; k <= SHARDS; k++) {
      List<UrlResult> notFetched = new ArrayList<>();
      ListFrontier frontier = new ListFrontier(new LineReader(List.of(InputSource.of(list.toString())),
          new ByteArrayInputStream(new byte[0])), notFetched::add, new PrintStream(OutputStream.nullOutputStream()),
          new RunClock(), t -> null, new Shard(k, SHARDS), url -> {});
      for (Task t; (t = frontier.next()) != null; ) {
        Integer before = shardOfUrl.put(t.url().toString(), k);
        assertEquals(null, before, t.url() + " is in shards " + before + " and " + k);
        shardsOfServer.computeIfAbsent(Origin.of(t.url()), o -> new HashSet<>()).add(k);
      }
      assertEquals(List.of(), notFetched, "nothing invalid or duplicate: the other shards' URLs are not reported");
      othersCounted += frontier.ofOtherShards();
      frontier.close();
    }

    assertEquals(new HashSet<>(urls), shardOfUrl.keySet());
    assertEquals(1_000, shardsOfServer.size());
    shardsOfServer.forEach((server, shards) -> assertEquals(1, shards.size(), server + " split over " + shards));
    assertEquals((SHARDS - 1) * 100_000L, othersCounted);
    for (int k = 1; k <= SHARDS; k++) {
      int kk = k;
      long mine = shardOfUrl.values().stream().filter(v -> v == kk).count();
      assertTrue(mine > 15_000 && mine < 35_000, "shard " + k + " has " + mine + " URLs: the hash spreads servers");
    }
  }
}
