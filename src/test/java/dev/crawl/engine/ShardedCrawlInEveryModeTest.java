package dev.crawl.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crawl.core.Shard;
import dev.crawl.crawl.CrawlOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A sharded crawl: two servers listed, each in its own shard. A link from this shard's server to
 * the other's is in the crawl's scope (the whole list's) but not fetched here: it goes to
 * handoff.jsonl for the other shard.
 */
class ShardedCrawlInEveryModeTest {
  @TempDir Path tmp;
  private WireMockServer mine;
  private WireMockServer theirs;
  private Shard myShard;
  private int theirShard;

  @BeforeEach
  void start() {
    mine = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    theirs = new WireMockServer(wireMockConfig().bindAddress("127.0.0.2").dynamicPort());
    mine.start();
    theirs.start();
    // the fewest shards that put the two servers apart; ports are dynamic, the hash is not
    int n = 2;
    while (Shard.of(URI.create(url(mine, "/")), n) == Shard.of(URI.create(url(theirs, "/")), n)) {
      n++;
    }
    myShard = new Shard(Shard.of(URI.create(url(mine, "/")), n), n);
    theirShard = Shard.of(URI.create(url(theirs, "/")), n);
    mine.stubFor(get("/index.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<a href='page.html'>mine</a><a href='" + url(theirs, "/page.html") + "'>theirs</a>")));
    mine.stubFor(get("/page.html").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("mine")));
  }

  @AfterEach
  void stop() {
    mine.stop();
    theirs.stop();
  }

  private static String url(WireMockServer server, String path) {
    return "http://" + server.getOptions().bindAddress() + ":" + server.port() + path;
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void linksToAnotherShardsServerAreHandedOffNotFetched(Mode mode) throws Exception {
    RunFixture.Result run = RunFixture.crawlShard(mode, myShard,
        List.of(url(mine, "/index.html"), url(theirs, "/index.html")), tmp.resolve("out"),
        new CrawlOptions(2, false, List.of(), false, List.of(), List.of(), false));

    run.saved("/index.html");
    run.saved("/page.html");
    assertEquals(2, run.records().size(), "the other shard's listed URL is not in this report");
    assertEquals(0, theirs.getAllServeEvents().size(), "nothing fetched from the other shard's server");
    List<String> lines = Files.readAllLines(tmp.resolve("out/.crawl/handoff.jsonl"));
    assertEquals(1, lines.size(), lines.toString());
    JsonNode h = new ObjectMapper().readTree(lines.get(0));
    assertEquals(url(theirs, "/page.html"), h.get("url").asText());
    assertEquals(url(mine, "/index.html"), h.get("referrer").asText());
    assertEquals(1, h.get("depth").asInt());
    assertEquals(theirShard, h.get("shard").asInt());
    assertEquals(myShard.toString(), run.outcome().summary().shard());
    assertEquals(1, run.outcome().summary().otherShards());
    assertEquals(1, run.outcome().summary().links().handedOff());
  }
}
