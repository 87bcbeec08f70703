package dev.crawl.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crawl.core.UrlResult;
import dev.crawl.crawl.CrawlOptions;
import dev.crawl.fetch.FetchSettings;
import dev.crawl.frontier.TestRedis;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three runs share one list through a frontier on a real Redis: one puts the list in and works,
 * two only work. Each URL is requested once across them (counted on the server) and saved by one.
 */
class SharedFrontierInEveryModeTest {
  @TempDir Path tmp;
  private static TestRedis redis;
  private static WireMockServer wm;

  @BeforeAll
  static void start() throws Exception {
    redis = new TestRedis();
    wm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().containerThreads(32));
    wm.start();
    wm.stubFor(get(urlPathMatching("/f/.*")).willReturn(aResponse().withBody("x".repeat(2000)).withFixedDelay(5)));
    wm.stubFor(get("/robots.txt").willReturn(aResponse().withBody("User-agent: *\nDisallow: /site/private/\n")));
    StringBuilder index = new StringBuilder("<a href='private/secret.html'>no</a>");
    for (int i = 0; i < 10; i++) {
      index.append("<a href='p").append(i).append(".html'>p</a>");
      page("/site/p" + i + ".html", "<a href='leaf" + (2 * i) + ".html'>a</a><a href='leaf" + (2 * i + 1)
          + ".html'>b</a><a href='index.html'>home</a>");
      page("/site/leaf" + (2 * i) + ".html", "<a href='index.html'>home</a>");
      page("/site/leaf" + (2 * i + 1) + ".html", "leaf");
    }
    page("/site/index.html", index.toString());
    page("/site/private/secret.html", "secret");
  }

  private static void page(String path, String html) {
    wm.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(html).withFixedDelay(5)));
  }

  @AfterAll
  static void stop() throws Exception {
    wm.stop();
    redis.close();
  }

  /** Three runs at once on one frontier; the first is given the list, the others only work. */
  private List<RunFixture.Result> threeRuns(Mode mode, String name, List<String> list, CrawlOptions options)
      throws Exception {
    return threeRuns(mode, name, list, options, TestSettings.fast());
  }

  private List<RunFixture.Result> threeRuns(Mode mode, String name, List<String> list, CrawlOptions options,
      FetchSettings settings) throws Exception {
    URI frontier = redis.frontier(name + "-" + mode.name().toLowerCase());
    ExecutorService processes = Executors.newFixedThreadPool(3);
    List<RunFixture.Result> runs = new ArrayList<>();
    try {
      List<Future<RunFixture.Result>> started = new ArrayList<>();
      for (int p = 0; p < 3; p++) {
        List<String> given = p == 0 ? list : List.of();
        Path out = tmp.resolve("out-" + p);
        started.add(processes.submit(() -> RunFixture.shared(mode, frontier, given, out, options, settings)));
      }
      assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
        for (Future<RunFixture.Result> f : started) {
          runs.add(f.get());
        }
      });
    } finally {
      processes.shutdownNow();
    }
    return runs;
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void threeRunsCrawlOneSiteFetchingEachPageOnceAndKeepingToRobotsTxt(Mode mode) throws Exception {
    wm.resetRequests();
    String site = "http://127.0.0.1:" + wm.port();

    List<RunFixture.Result> runs = threeRuns(mode, "crawl", List.of(site + "/site/index.html"),
        new CrawlOptions(2, false, List.of(), false, List.of(), List.of(), true));

    Map<String, Long> requested = wm.getAllServeEvents().stream()
        .collect(Collectors.groupingBy(e -> e.getRequest().getUrl(), Collectors.counting()));
    // the index, 10 pages and 20 leaves; /site/private/ is disallowed; each process reads robots.txt
    long pages = requested.keySet().stream().filter(u -> u.startsWith("/site/")).count();
    assertEquals(31, pages, requested.toString());
    assertEquals(List.of(), requested.entrySet().stream()
        .filter(e -> e.getKey().startsWith("/site/") && e.getValue() > 1).toList(), "requested twice");
    long saved = runs.stream().mapToLong(r -> r.all(UrlResult.Saved.class).size()).sum();
    assertEquals(31, saved);
    long refused = runs.stream().flatMap(r -> r.all(UrlResult.Skipped.class).stream())
        .filter(k -> k.reason().contains("robots.txt")).count();
    assertEquals(1, refused, "the private page, refused once across the fleet");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void threeRunsFetchEveryUrlOfOneListOnceBetweenThem(Mode mode) throws Exception {
    wm.resetRequests();
    List<String> urls = IntStream.range(0, 120).mapToObj(i -> "http://127.0.0.1:" + wm.port() + "/f/" + i).toList();

    List<RunFixture.Result> runs = threeRuns(mode, "list", urls, CrawlOptions.NONE);

    Map<String, Long> savedBy = runs.stream().flatMap(r -> r.all(UrlResult.Saved.class).stream())
        .collect(Collectors.groupingBy(UrlResult.Saved::url, Collectors.counting()));
    assertEquals(urls.size(), savedBy.size());
    assertEquals(List.of(), savedBy.values().stream().filter(n -> n > 1).toList(), "saved twice");
    Map<String, Long> requested = wm.getAllServeEvents().stream()
        .collect(Collectors.groupingBy(e -> e.getRequest().getUrl(), Collectors.counting()));
    assertEquals(urls.size(), requested.size());
    assertEquals(List.of(), requested.values().stream().filter(n -> n > 1).toList(), "requested twice");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void threeRunsWithOneDownloadPerHostNeverSendTheHostTwoAtOnce(Mode mode) throws Exception {
    InFlightCounter inFlight = new InFlightCounter(20);
    WireMockServer host = new WireMockServer(
        wireMockConfig().bindAddress("127.0.0.1").dynamicPort().containerThreads(32).extensions(inFlight));
    host.start();
    try {
      host.stubFor(get(urlPathMatching("/f/.*")).willReturn(aResponse().withBody("x").withTransformers(InFlightCounter.NAME)));
      List<String> urls = IntStream.range(0, 30).mapToObj(i -> "http://127.0.0.1:" + host.port() + "/f/" + i).toList();

      List<RunFixture.Result> runs = threeRuns(mode, "per-host", urls, CrawlOptions.NONE, TestSettings.fast().withPerHost(1));

      assertEquals(30, runs.stream().mapToLong(r -> r.all(UrlResult.Saved.class).size()).sum());
      assertEquals(1, inFlight.peak(), "requests in flight at once on the server, across three runs of --per-host 1");
    } finally {
      host.stop();
    }
  }
}
