package dev.crawl.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crawl.core.TrapCounts;
import dev.crawl.core.UrlResult;
import dev.crawl.crawl.CrawlBounds;
import dev.crawl.crawl.CrawlOptions;
import dev.crawl.fetch.FetchSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a hostile server sends cannot exhaust the machine: each size it controls meets a bound, the
 * URL fails with that bound named, nothing of it is left on disk, and its neighbours are saved.
 * The bounds are lowered here so that each bomb stays small on the wire and quick to defuse.
 */
class HostileServersInEveryModeTest {
  private static final int MiB = 1 << 20;

  @TempDir Path tmp;
  private WireMockServer wm;

  @BeforeEach
  void startServer() {
    wm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true));
    wm.start();
    wm.stubFor(get("/neighbour").willReturn(aResponse().withBody("still fine")));
  }

  @AfterEach
  void stopServer() {
    wm.stop();
  }

  static Stream<Arguments> everyModeAndCoding() {
    return Arrays.stream(Mode.values()).flatMap(m -> Stream.of("gzip", "deflate", "br", "zstd", "gzip, gzip", "gzip, br")
        .map(c -> Arguments.of(m, c)));
  }

  @ParameterizedTest
  @MethodSource("everyModeAndCoding")
  void aDecompressionBombFailsAtTheDecodedBoundAndLeavesNothing(Mode mode, String coding) throws Exception {
    byte[] bomb = Bombs.zeros(coding, 16 * MiB);
    wm.stubFor(get("/bomb").willReturn(aResponse().withHeader("Content-Encoding", coding).withBody(bomb)));

    RunFixture.Result run = run(mode, List.of(url("/bomb"), url("/neighbour")), TestSettings.fast().withMaxDecoded(MiB));

    UrlResult.Failed r = run.failed("/bomb");
    assertTrue(r.reason().startsWith("decoded body over 1.0 MiB from "), r.reason());
    assertTrue(r.reason().endsWith("sent: decompression bomb? --max-decoded SIZE raises the limit"), r.reason());
    run.saved("/neighbour");
    assertOnlyTheNeighbourOnDisk();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aBodySentUncompressedIsNotBoundByTheDecodedLimit(Mode mode) throws Exception {
    wm.stubFor(get("/iso").willReturn(aResponse().withBody(new byte[2 * MiB])));

    RunFixture.Result run = run(mode, List.of(url("/iso")), TestSettings.fast().withMaxDecoded(MiB));

    assertEquals(2 * MiB, run.saved("/iso").bytes());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void maxDecodedZeroDecodesACompressedBodyWhole(Mode mode) throws Exception {
    wm.stubFor(get("/big.gz").willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(Bombs.zeros("gzip", 2 * MiB))));

    RunFixture.Result run = run(mode, List.of(url("/big.gz")), TestSettings.fast().withMaxDecoded(0));

    assertEquals(2 * MiB, run.saved("/big.gz").bytes());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void maxSizeWhenGivenIsTheBoundOfACompressedBody(Mode mode) throws Exception {
    wm.stubFor(get("/big.gz").willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(Bombs.zeros("gzip", 2 * MiB))));

    RunFixture.Result run = run(mode, List.of(url("/big.gz")), TestSettings.fast().withMaxDecoded(MiB).withMaxBytes(4 * MiB));

    assertEquals(2 * MiB, run.saved("/big.gz").bytes());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aHugePageIsSavedWholeAndItsLinksAreReadFromAPrefix(Mode mode) throws Exception {
    String filler = "<p>" + "x".repeat(1000) + "</p>\n";
    String huge = "<title>huge</title><a href='/near'>near</a>" + filler.repeat(3 * 1024) + "<a href='/far'>far</a>";
    page("/huge.html", huge);
    page("/near", "near");
    page("/far", "far");

    RunFixture.Result run = crawl(mode, "/huge.html", CrawlBounds.DEFAULTS.withMaxParse(MiB));

    UrlResult.Saved page = run.saved("/huge.html");
    assertEquals(huge.length(), page.bytes());
    assertEquals("links read from the first 1.0 MiB of 3.0 MiB (--max-parse)", page.found().note());
    run.saved("/near");
    assertEquals(0, wm.findAll(getRequestedFor(urlEqualTo("/far"))).size(), "a link past the prefix");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aPageNestedTwoHundredThousandDeepIsReadToItsEnd(Mode mode) throws Exception {
    page("/deep.html", "<div>".repeat(200_000) + "<a href='/neighbour'>n</a>" + "</div>".repeat(200_000));

    RunFixture.Result run = crawl(mode, "/deep.html", CrawlBounds.DEFAULTS);

    run.saved("/deep.html");
    run.saved("/neighbour");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void robotsTxtIsReadOnlyToItsFirst500KiB(Mode mode) throws Exception {
    String rules = "User-agent: *\nDisallow: /early\n" + "# padding\n".repeat(60_000) + "Disallow: /late\n";
    wm.stubFor(get("/robots.txt").willReturn(aResponse().withBody(rules)));
    page("/start.html", "<a href='/early'>e</a><a href='/late'>l</a>");
    page("/late", "late");

    CrawlOptions respectingRobots = new CrawlOptions(1, false, List.of(), false, List.of(), List.of(), true, false);
    RunFixture.Result run = RunFixture.crawl(mode, 2, List.of(url("/start.html")), tmp.resolve("out"), TestSettings.fast(),
        respectingRobots);

    assertTrue(rules.length() > 500 * 1024);
    run.skipped("/early");
    run.saved("/late");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void trapLinksAreNotFollowedAndAreCountedByReason(Mode mode) throws Exception {
    String longUrl = "/long/" + "y".repeat(200);
    page("/start.html", "<a href='" + longUrl + "'>long</a>"
        + "<a href='/1/2/3/4/5/6'>deep</a>"
        + "<a href='/a/b/b/b/c'>repeated</a>"
        + "<a href='/a/b/b/c'>twice is fine</a>"
        + "<a href='/1/2/3/4/5'>five is fine</a>");
    page("/a/b/b/c", "ok");
    page("/1/2/3/4/5", "ok");

    RunFixture.Result run = crawl(mode, "/start.html", new CrawlBounds(MiB, 150, 5, 2, 6000));

    run.saved("/a/b/b/c");
    run.saved("/1/2/3/4/5");
    assertEquals(new TrapCounts(1, 1, 1, 0), run.outcome().summary().links().traps());
    assertEquals(3, wm.getAllServeEvents().size(), "only the start page and the two pages within the bounds");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void linksPastThePageLinkCapAreCountedNotFollowed(Mode mode) throws Exception {
    StringBuilder links = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      links.append("<a href='/p").append(i).append("'>").append(i).append("</a>");
      page("/p" + i, "page " + i);
    }
    page("/many.html", links.toString());

    RunFixture.Result run = crawl(mode, "/many.html", new CrawlBounds(MiB, 2083, 20, 2, 4));

    for (int i = 0; i < 4; i++) {
      run.saved("/p" + i);
    }
    assertEquals(5, run.outcome().summary().counts().saved(), "the page and its first 4 links");
    assertEquals(6, run.outcome().summary().links().traps().pageLinks());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRedirectToAUrlOverTheBoundFailsThatUrl(Mode mode) throws Exception {
    wm.stubFor(get("/away").willReturn(aResponse().withStatus(302).withHeader("Location", "/" + "z".repeat(3000))));

    RunFixture.Result run = run(mode, List.of(url("/away"), url("/neighbour")), TestSettings.fast());

    assertEquals("redirect to a URL of 3001 characters, over --max-url-length 2083", run.failed("/away").reason());
    run.saved("/neighbour");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aHeaderBlockOverTheBoundFailsWithANamedReasonAndIsNotTriedAgain(Mode mode) throws Exception {
    try (RawServer raw = RawServer.withHealthyFile()) {
      raw.respond("/header-bomb", "HTTP/1.1 200 OK\r\nX-Big: " + "z".repeat(500_000) + "\r\nContent-Length: 0\r\n\r\n");

      RunFixture.Result run = run(mode, List.of(raw.url("/header-bomb"), raw.url("/healthy")),
          TestSettings.fast().withRetries(2));

      UrlResult.Failed r = run.failed("/header-bomb");
      assertTrue(r.reason().startsWith("the server's status line or headers are too long ("), r.reason());
      assertEquals(1, raw.requests("/header-bomb"));
      run.saved("/healthy");
    }
  }

  private void page(String path, String html) {
    wm.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(html)));
  }

  private RunFixture.Result crawl(Mode mode, String start, CrawlBounds bounds) throws Exception {
    CrawlOptions options = new CrawlOptions(1, false, List.of(), false, List.of(), List.of(), false, false).withBounds(bounds);
    return RunFixture.crawl(mode, 2, List.of(url(start)), tmp.resolve("out"), TestSettings.fast(), options);
  }

  private void assertOnlyTheNeighbourOnDisk() throws Exception {
    List<Path> files = RunFixture.filesUnder(tmp.resolve("out")).stream()
        .filter(p -> !p.startsWith(tmp.resolve("out/.crawl")))
        .toList();
    assertEquals(List.of(tmp.resolve("out/127.0.0.1_" + wm.port() + "/neighbour")), files);
  }

  private RunFixture.Result run(Mode mode, List<String> urls, FetchSettings settings) throws Exception {
    return RunFixture.run(mode, 2, urls, tmp.resolve("out"), settings);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + wm.port() + path;
  }
}
