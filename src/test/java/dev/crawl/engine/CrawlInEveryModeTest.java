package dev.crawl.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crawl.core.LinkCounts;
import dev.crawl.core.UrlResult;
import dev.crawl.crawl.CrawlOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A generated site with cycles, many spellings of one link, off-host links and base href. */
class CrawlInEveryModeTest {
  @TempDir Path tmp;
  private WireMockServer wm;

  @BeforeEach
  void startSite() {
    wm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    String self = "http://127.0.0.1:" + wm.port();
    page("/index.html", "<title>Home</title><a href='a.html'>a</a><a href='/a.html#part'>a again</a>"
        + "<a href='" + self.toUpperCase().replace("HTTP", "http") + "/./a.html'>a, shouted</a>"
        + "<a href='b/'>b</a><a href='http://elsewhere.invalid/x'>away</a>"
        + "<a href='javascript:void(0)'>js</a><a href='mailto:me@example.com'>mail</a>");
    page("/a.html", "<a href='index.html'>home, a cycle</a><a href='./c.html'>c</a><a href='b/../c.html'>c again</a>"
        + "<img src='pic.png' srcset='pic-2x.png 2x'>");
    page("/b/", "<base href='/deep/'><a href='d.html'>d via base</a>");
    page("/c.html", "<a href='e.html'>e, one level too deep</a>");
    page("/deep/d.html", "<a href='/index.html'>home</a>");
    page("/e.html", "<p>never fetched at depth 2</p>");
    wm.stubFor(get("/pic.png").willReturn(aResponse().withHeader("Content-Type", "image/png").withBody("png")));
    wm.stubFor(get("/pic-2x.png").willReturn(aResponse().withHeader("Content-Type", "image/png").withBody("png2")));
  }

  private void page(String path, String html) {
    wm.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(html)));
  }

  @AfterEach
  void stopSite() {
    wm.stop();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void fetchesExactlyThePagesWithinTheDepthEachOnce(Mode mode) throws Exception {
    RunFixture.Result run = crawl(mode, new CrawlOptions(2, false, List.of(), false, List.of(), List.of()));

    assertEquals(
        Map.of("/index.html", 0, "/a.html", 1, "/b/", 1, "/c.html", 2, "/deep/d.html", 2),
        depthsByPath(run));
    assertEquals("Home", run.saved("/index.html").title());
    LinkCounts links = run.outcome().summary().links();
    assertEquals(4, links.queued());
    assertEquals(1, links.outOfScope(), "elsewhere.invalid");
    assertEquals(1, links.tooDeep(), "e.html");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void followsImagesAndSrcsetWithPageRequisites(Mode mode) throws Exception {
    RunFixture.Result run = crawl(mode, new CrawlOptions(2, true, List.of(), false, List.of(), List.of()));

    Map<String, Integer> depths = depthsByPath(run);
    assertEquals(2, depths.get("/pic.png"));
    assertEquals(2, depths.get("/pic-2x.png"));
    assertEquals(7, depths.size());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void recordsWhereEachPageWasFound(Mode mode) throws Exception {
    RunFixture.Result run = crawl(mode, new CrawlOptions(2, false, List.of(), false, List.of(), List.of()));

    assertEquals(URI.create(url("/b/")), run.saved("/deep/d.html").task().referrer());
    assertEquals(URI.create(url("/index.html")), run.saved("/a.html").task().referrer());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void respectsRobotsTxtAndSaysWhatItSkipped(Mode mode) throws Exception {
    wm.stubFor(get("/robots.txt").willReturn(aResponse().withBody("User-agent: *\nDisallow: /c.html\n")));

    RunFixture.Result run = crawl(mode, new CrawlOptions(2, false, List.of(), false, List.of(), List.of(), true));

    UrlResult.Skipped c = run.skipped("/c.html");
    assertEquals("disallowed by robots.txt", c.reason());
    assertEquals(0, wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/c.html"))).size());
    assertEquals(1, wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/robots.txt"))).size(), "fetched once, cached");
    assertEquals(1, run.outcome().summary().links().robots());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void ignoresRobotsTxtWhenToldToAndSaysSo(Mode mode) throws Exception {
    wm.stubFor(get("/robots.txt").willReturn(aResponse().withBody("User-agent: *\nDisallow: /c.html\n")));

    RunFixture.Result run = crawl(mode, new CrawlOptions(2, false, List.of(), false, List.of(), List.of(), false));

    run.saved("/c.html");
    assertEquals("ignored (--no-robots)", run.outcome().summary().links().robotsTxt());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void convertedLinksResolveToSavedFilesAndTheRestStayAbsolute(Mode mode) throws Exception {
    RunFixture.Result run = crawl(mode, new CrawlOptions(2, false, List.of(), false, List.of(), List.of(), true, true));
    Path out = tmp.resolve("out");

    int relative = 0;
    for (UrlResult.Saved r : run.all(UrlResult.Saved.class)) {
      Path page = out.resolve(r.path());
      org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(page.toFile());
      assertEquals(0, doc.select("base").size(), "base href removed: " + r.path());
      for (String href : doc.select("a[href]").eachAttr("href")) {
        if (href.startsWith("javascript:") || href.startsWith("mailto:")) {
          continue;
        }
        if (href.startsWith("http")) {
          String target = java.net.URI.create(href).getPath();
          boolean fetched = run.records().stream().anyMatch(x -> java.net.URI.create(x.url()).getPath().equals(target)
              && x.url().startsWith(href.substring(0, href.indexOf(target))));
          org.junit.jupiter.api.Assertions.assertFalse(fetched && href.contains("127.0.0.1"),
              "a link to a saved page stayed absolute: " + href + " in " + r.path());
          continue;
        }
        String file = java.net.URLDecoder.decode(href.replaceAll("#.*$", ""), java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(java.nio.file.Files.isRegularFile(page.getParent().resolve(file)),
            href + " in " + r.path() + " does not resolve to a saved file");
        relative++;
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(relative >= 6, relative + " relative links");
    String c = java.nio.file.Files.readString(out.resolve(run.saved("/c.html").path()));
    org.junit.jupiter.api.Assertions.assertTrue(c.contains("href='" + url("/e.html") + "'"), "not downloaded, so absolute: " + c);
    String index = java.nio.file.Files.readString(out.resolve(run.saved("/index.html").path()));
    org.junit.jupiter.api.Assertions.assertTrue(index.contains("http://elsewhere.invalid/x"), index);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void pageRequisitesWithoutDepthFetchTheListedPageAndWhatItLoadsButNoLinks(Mode mode) throws Exception {
    RunFixture.Result run = RunFixture.crawl(mode, 3, List.of(url("/a.html")), tmp.resolve("out"),
        TestSettings.fast(), new CrawlOptions(0, true, List.of(), false, List.of(), List.of()));

    assertEquals(Map.of("/a.html", 0, "/pic.png", 1, "/pic-2x.png", 1), depthsByPath(run));
    assertEquals(2, run.outcome().summary().links().tooDeep(), "index.html and c.html are links, not requisites");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aLinkThatRedirectsOutOfScopeIsSkippedNotFetched(Mode mode) throws Exception {
    WireMockServer other = new WireMockServer(wireMockConfig().bindAddress("127.0.0.2").dynamicPort());
    other.start();
    try {
      other.stubFor(get("/x.html").willReturn(aResponse().withBody("other host")));
      page("/docs/index.html", "<a href='moved.html'>m</a><a href='away.html'>a</a><a href='fine.html'>f</a>");
      page("/docs/fine.html", "<p>in scope</p>");
      wm.stubFor(get("/docs/moved.html").willReturn(aResponse().withStatus(302).withHeader("Location", "/outside/page.html")));
      wm.stubFor(get("/docs/away.html").willReturn(
          aResponse().withStatus(301).withHeader("Location", "http://127.0.0.2:" + other.port() + "/x.html")));
      page("/outside/page.html", "<a href='deeper.html'>deeper</a>");

      RunFixture.Result run = RunFixture.crawl(mode, 3, List.of(url("/docs/index.html")), tmp.resolve("out"),
          TestSettings.fast(), new CrawlOptions(3, false, List.of(), true, List.of(), List.of()));

      UrlResult.Skipped moved = run.skipped("/docs/moved.html");
      assertTrue(moved.reason().startsWith("redirected out of scope (above the start path)"), moved.reason());
      UrlResult.Skipped away = run.skipped("/docs/away.html");
      assertTrue(away.reason().startsWith("redirected out of scope (other host)"), away.reason());
      run.saved("/docs/fine.html");
      assertEquals(0, requests(wm, "/outside/page.html"), "the redirect was not followed");
      assertEquals(0, other.getAllServeEvents().size(), "the other host saw no request");
      assertEquals(2, run.outcome().summary().counts().skipped());
      assertFalse(java.nio.file.Files.exists(tmp.resolve("out/127.0.0.1_" + wm.port() + "/outside")));
    } finally {
      other.stop();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aListedUrlIsFollowedWhereverItRedirects(Mode mode) throws Exception {
    WireMockServer other = new WireMockServer(wireMockConfig().bindAddress("127.0.0.2").dynamicPort());
    other.start();
    try {
      other.stubFor(get("/landing.html").willReturn(aResponse().withBody("landed")));
      wm.stubFor(get("/jump").willReturn(
          aResponse().withStatus(302).withHeader("Location", "http://127.0.0.2:" + other.port() + "/landing.html")));

      RunFixture.Result run = RunFixture.crawl(mode, 3, List.of(url("/jump")), tmp.resolve("out"),
          TestSettings.fast(), new CrawlOptions(1, false, List.of(), true, List.of(), List.of()));

      UrlResult.Saved saved = run.saved("/jump");
      assertEquals("http://127.0.0.2:" + other.port() + "/landing.html", saved.finalUrl().toString());
      assertEquals("landed", Files.readString(tmp.resolve("out").resolve(saved.path())));
      assertEquals(1, requests(other, "/landing.html"), "the listed URL's scope did not stop its redirect");
    } finally {
      other.stop();
    }
  }

  private static int requests(WireMockServer server, String path) {
    return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(path))).size();
  }

  private RunFixture.Result crawl(Mode mode, CrawlOptions options) throws Exception {
    return RunFixture.crawl(mode, 3, List.of(url("/index.html")), tmp.resolve("out"), TestSettings.fast(), options);
  }

  private static Map<String, Integer> depthsByPath(RunFixture.Result run) {
    Map<String, Integer> depths = new TreeMap<>();
    for (UrlResult result : run.records()) {
      UrlResult.Saved r = assertInstanceOf(UrlResult.Saved.class, result, result.toString());
      depths.put(r.task().url().getPath(), r.task().depth());
    }
    return depths;
  }

  private String url(String path) {
    return "http://127.0.0.1:" + wm.port() + path;
  }
}
