package dev.crawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawl.demo.DemoServer;
import dev.crawl.demo.SiteContent;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher and every worker of {@code processes} mode start on the JDK 25 start-up cache that
 * bin/crawl makes. {@code -XX:AOTMode=on} makes a JVM that cannot map the cache refuse to start;
 * workers repeat their parent's flags, so a worker refused the cache fails its downloads. Workers
 * once lost the cache to one flag of their own and started four times slower, and nothing noticed.
 */
class StartupCacheIT {
  private static final Map<String, String> CACHE_REQUIRED = Map.of("CRAWL_JAVA_OPTS", "-XX:AOTMode=on");

  @TempDir Path tmp;

  @BeforeEach
  void onlyWhereThereIsACache() {
    assumeTrue(Runtime.version().feature() >= 25,
        "bin/crawl makes an AOT start-up cache on JDK 25 and newer only; this is JDK " + Runtime.version());
  }

  @Test
  void theLauncherAndEveryWorkerMapTheCache() throws Exception {
    try (DemoServer server = DemoServer.start(0, new SiteContent(4), 0, 0)) {
      Path out = tmp.resolve("out");

      Launcher.Ran r = Launcher.run(tmp, CACHE_REQUIRED, server.urlList(), "-q", "-m", "processes", "-c", "2", "-o", out.toString(), "-");

      assertEquals(0, r.status(), r.err());
      JsonNode workers = new ObjectMapper().readTree(out.resolve(".crawl/summary.json").toFile()).get("workerStarts");
      assertEquals(2, workers.get("count").asInt(), workers.toString());
      assertTrue(workers.get("cacheGiven").asBoolean(), workers.toString());
      assertEquals(2, workers.get("onCache").asInt(), workers.toString());
      assertFalse(r.err().contains("[aot]") || r.err().contains("[cds]"), "the JVM had something to say:\n" + r.err());
    }
  }

  @Test
  void aJvmWhoseFlagsDifferFromTheTrainingRunIsRefusedAndSaysSoOnStderr() throws Exception {
    // the flag that cost the workers their cache: proof that the check above can fail, and that the
    // JVM's own errors reach the user on stderr, with stdout left to pipelines
    Map<String, String> env = Map.of("CRAWL_JAVA_OPTS", "-XX:AOTMode=on --enable-native-access=ALL-UNNAMED");

    Launcher.Ran r = Launcher.run(tmp, env, null, "--jsonl", "http://127.0.0.1:9/");

    assertNotEquals(0, r.status());
    assertTrue(r.err().contains("[error][aot]"), r.err());
    assertEquals("", r.out());
  }
}
