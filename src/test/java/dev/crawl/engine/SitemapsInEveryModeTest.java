package dev.crawl.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crawl.core.UrlResult;
import dev.crawl.crawl.CrawlOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * --sitemaps: robots.txt names a sitemap index whose sitemaps (one gzipped) list pages that no page
 * links to, and /sitemap.xml lists one more as plain text. Scope and robots.txt hold for them as for
 * any link.
 */
class SitemapsInEveryModeTest {
  @TempDir Path tmp;
  private static WireMockServer wm;

  @BeforeAll
  static void start() throws Exception {
    wm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    String base = "http://127.0.0.1:" + wm.port();
    wm.stubFor(get("/robots.txt").willReturn(aResponse().withBody(
        "User-agent: *\nDisallow: /site/private/\nSitemap: " + base + "/sitemap_index.xml\n")));
    wm.stubFor(get("/sitemap_index.xml").willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(
        "<?xml version='1.0' encoding='UTF-8'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            + "<sitemap><loc>" + base + "/s1.xml</loc></sitemap><sitemap><loc>" + base + "/s2.xml.gz</loc></sitemap>"
            + "</sitemapindex>")));
    wm.stubFor(get("/s1.xml").willReturn(aResponse().withBody(urlset(
        base + "/site/a.html", base + "/site/b.html", base + "/site/private/p.html", "http://127.0.0.1:1/elsewhere.html"))));
    wm.stubFor(get("/s2.xml.gz").willReturn(aResponse().withHeader("Content-Type", "application/gzip")
        .withBody(gzip(urlset(base + "/site/c.html")))));
    wm.stubFor(get("/sitemap.xml").willReturn(aResponse().withBody(base + "/site/d.html\n" + base + "/site/a.html\n")));
    for (String page : List.of("index", "a", "b", "c", "d", "private/p")) {
      wm.stubFor(get("/site/" + page + ".html").willReturn(aResponse().withHeader("Content-Type", "text/html")
          .withBody("<title>" + page + "</title>")));
    }
  }

  private static String urlset(String... urls) {
    StringBuilder b = new StringBuilder("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>");
    for (String u : urls) {
      b.append("<url><loc>").append(u).append("</loc><lastmod>2026-11-01</lastmod></url>");
    }
    return b.append("</urlset>").toString();
  }

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  @AfterAll
  static void stop() {
    wm.stop();
  }

  private RunFixture.Result crawl(Mode mode, boolean sitemaps) throws Exception {
    String start = "http://127.0.0.1:" + wm.port() + "/site/index.html";
    CrawlOptions options = new CrawlOptions(1, false, List.of(), false, List.of(), List.of(), true).withSitemaps(sitemaps);
    return RunFixture.crawl(mode, 2, List.of(start), tmp.resolve("out"), TestSettings.fast(), options);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void crawlsWhatTheSitemapsListKeepingToScopeAndRobotsTxt(Mode mode) throws Exception {
    RunFixture.Result run = crawl(mode, true);

    List<String> saved = run.all(UrlResult.Saved.class).stream()
        .map(s -> s.url().substring(s.url().indexOf("/site/"))).sorted().toList();
    assertEquals(List.of("/site/a.html", "/site/b.html", "/site/c.html", "/site/d.html", "/site/index.html"), saved);
    assertTrue(run.skipped("/site/private/p.html").reason().contains("robots.txt"));
    assertEquals("http://127.0.0.1:" + wm.port() + "/s2.xml.gz", run.saved("/site/c.html").task().referrer().toString(),
        "the gzipped sitemap that listed it");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void withoutTheOptionNoSitemapIsRead(Mode mode) throws Exception {
    wm.resetRequests();

    RunFixture.Result run = crawl(mode, false);

    assertEquals(1, run.all(UrlResult.Saved.class).size());
    assertEquals(0, wm.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().contains("sitemap")).count());
  }
}
