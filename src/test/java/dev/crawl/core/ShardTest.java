package dev.crawl.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardTest {
  @Test
  void aUrlFallsToTheShardOfItsOriginsCrc32AsAnyToolComputesIt() {
    // python3 -c 'import zlib; print(zlib.crc32(b"https://example.org:443") % 4 + 1)' prints 3
    assertEquals(3, Shard.of(URI.create("https://example.org/a"), 4));
    assertEquals(4, Shard.of(URI.create("http://EXAMPLE.org:80/b?c"), 4), "the origin as Origin spells it");
  }

  @Test
  void everyUrlOfAServerLandsInOneShard() {
    Shard three = new Shard(3, 4);

    assertTrue(three.owns(URI.create("https://example.org/")));
    assertTrue(three.owns(URI.create("https://example.org:443/deep/path?q=1")));
    assertFalse(three.owns(URI.create("http://example.org/")), "another scheme is another server");
  }

  @Test
  void readsKOfN() {
    assertEquals(new Shard(2, 4), Shard.parse("2/4", Map.of()));
    assertTrue(Shard.parse("1/1", Map.of()).isAll());
  }

  @Test
  void refusesShardsOutsideOneToN() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/4", Map.of()));
    assertEquals("a shard is K/N with 1 <= K <= N, got 0/4", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Shard.parse("5/4", Map.of()));
    assertThrows(IllegalArgumentException.class, () -> Shard.parse("two", Map.of()));
  }

  @Test
  void autoTakesAKubernetesIndexedJobsZeroBasedIndex() {
    assertEquals(new Shard(1, 3), Shard.parse("auto", Map.of("JOB_COMPLETION_INDEX", "0", "JOB_COMPLETIONS", "3")));
  }

  @Test
  void autoTakesASlurmArrayTaskCountingFromItsFirstId() {
    Map<String, String> env = Map.of("SLURM_ARRAY_TASK_ID", "7", "SLURM_ARRAY_TASK_MIN", "5", "SLURM_ARRAY_TASK_COUNT", "4");

    assertEquals(new Shard(3, 4), Shard.parse("auto", env));
  }

  @Test
  void autoWithoutABatchEngineSaysWhatItLookedFor() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse("auto", Map.of()));

    assertTrue(e.getMessage().contains("JOB_COMPLETION_INDEX") && e.getMessage().contains("SLURM_ARRAY_TASK_ID"), e.getMessage());
  }

  @Test
  void autoNamesAMissingCount() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("auto", Map.of("JOB_COMPLETION_INDEX", "1")));

    assertTrue(e.getMessage().startsWith("--shard auto: JOB_COMPLETIONS"), e.getMessage());
  }
}
