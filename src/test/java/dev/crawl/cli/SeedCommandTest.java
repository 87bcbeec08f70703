package dev.crawl.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crawl.frontier.TestRedis;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crawl seed puts a list into a shared frontier; a crawl given the frontier and no list works it. */
class SeedCommandTest {
  @TempDir Path tmp;
  private TestRedis redis;
  private WireMockServer wm;

  @BeforeEach
  void start() throws Exception {
    redis = new TestRedis();
    wm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    wm.stubFor(get(urlPathMatching("/f/.*")).willReturn(aResponse().withBody("fine")));
  }

  @AfterEach
  void stop() throws Exception {
    wm.stop();
    redis.close();
  }

  private record Ran(int status, String err) {}

  private Ran crawl(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    int status = Main.run(args, new Io(new ByteArrayInputStream(new byte[0]), quiet,
        new PrintStream(err, true, StandardCharsets.UTF_8)));
    return new Ran(status, err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aSeededListIsWorkedByACrawlGivenOnlyTheFrontier() throws Exception {
    Path list = Files.write(tmp.resolve("urls.txt"),
        IntStream.range(0, 5).mapToObj(i -> "http://127.0.0.1:" + wm.port() + "/f/" + i).toList());
    String frontier = redis.frontier("seeded").toString();

    Ran first = crawl("seed", "--frontier", frontier, list.toString());
    Ran again = crawl("seed", "--frontier", frontier, list.toString());
    Ran work = crawl("-q", "--frontier", frontier, "-o", tmp.resolve("out").toString());

    assertEquals(0, first.status(), first.err());
    assertTrue(first.err().contains("5 URLs listed, 5 new to the frontier"), first.err());
    assertTrue(again.err().contains("5 URLs listed, 0 new to the frontier (5 already in it)"), again.err());
    assertEquals(0, work.status(), work.err());
    assertEquals(5, wm.getAllServeEvents().size());
    assertEquals(5, Files.readAllLines(tmp.resolve("out/.crawl/results.jsonl")).size());
  }

  @Test
  void aFrontierThatIsNotThereIsOneLineWithStatusTwo() throws Exception {
    Ran r = crawl("seed", "--frontier", "redis://127.0.0.1:1/x", "http://127.0.0.1:" + wm.port() + "/f/1");

    assertEquals(2, r.status(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("crawl: --frontier: cannot reach the frontier's Redis at 127.0.0.1:1"), r.err());
  }
}
