package dev.crawl.crawl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One sitemap cannot starve the next: each is read up to the protocol's caps, and the caps are said. */
class SitemapsTest {
  private WireMockServer wm;
  private final List<String> pages = new ArrayList<>();
  private final List<String> notices = new ArrayList<>();

  @BeforeEach
  void start() {
    wm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true));
    wm.start();
    wm.stubFor(get("/second.xml").willReturn(aResponse().withBody(urlset("/after/", 3))));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void aSitemapOverFiftyThousandUrlsIsReadToTheCapAndTheNextIsStillRead() throws Exception {
    wm.stubFor(get("/big.xml").willReturn(aResponse().withBody(urlset("/big/", 60_000))));
    index("/big.xml", "/second.xml");

    read();

    assertEquals(50_003, pages.size());
    assertEquals(3, pages.stream().filter(p -> p.contains("/after/")).count());
    assertEquals(1, notices.size(), notices.toString());
    assertEquals("sitemap " + url("/big.xml") + ": listed more than 50000 URLs; read up to the cap (sitemaps.org's"
        + " limits: 50000 URLs, 50.0 MiB), the rest not followed", notices.get(0));
  }

  @Test
  void aSitemapOfExactlyFiftyThousandUrlsIsWholeAndNothingIsSaid() throws Exception {
    wm.stubFor(get("/full.xml").willReturn(aResponse().withBody(urlset("/full/", 50_000))));
    index("/full.xml", "/second.xml");

    read();

    assertEquals(50_003, pages.size());
    assertEquals(List.of(), notices);
  }

  @Test
  void aGzipSitemapDecodingPastFiftyMegabytesIsReadToTheCapAndTheNextIsStillRead() throws Exception {
    // a few URLs, then 64 MiB of blank lines: 64 KiB on the wire
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write((url("/bomb/1") + "\n" + url("/bomb/2") + "\n").getBytes(StandardCharsets.UTF_8));
      byte[] blank = new byte[1 << 20];
      java.util.Arrays.fill(blank, (byte) '\n');
      for (int i = 0; i < 64; i++) {
        out.write(blank);
      }
      out.write((url("/bomb/past-the-cap") + "\n").getBytes(StandardCharsets.UTF_8));
    }
    wm.stubFor(get("/bomb.txt.gz").willReturn(aResponse().withBody(gz.toByteArray())));
    index("/bomb.txt.gz", "/second.xml");

    read();

    assertEquals(List.of(url("/bomb/1"), url("/bomb/2"), url("/after/0"), url("/after/1"), url("/after/2")), pages);
    assertEquals(List.of("sitemap " + url("/bomb.txt.gz") + ": over 50.0 MiB; read up to the cap (sitemaps.org's"
        + " limits: 50000 URLs, 50.0 MiB), the rest not followed"), notices);
  }

  private void read() throws InterruptedException {
    try (Sitemaps sitemaps = new Sitemaps(HttpClient.newHttpClient(), "test", SideArchive.NONE, notices::add)) {
      sitemaps.read(List.of(URI.create(url("/"))), null, (sitemap, page) -> pages.add(page));
    }
  }

  private void index(String... sitemaps) {
    StringBuilder xml = new StringBuilder("<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>");
    for (String s : sitemaps) {
      xml.append("<sitemap><loc>").append(url(s)).append("</loc></sitemap>");
    }
    wm.stubFor(get("/sitemap.xml").willReturn(aResponse().withBody(xml.append("</sitemapindex>").toString())));
  }

  private String urlset(String prefix, int count) {
    StringBuilder xml = new StringBuilder("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>");
    for (int i = 0; i < count; i++) {
      xml.append("<url><loc>").append(url(prefix + i)).append("</loc></url>");
    }
    return xml.append("</urlset>").toString();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + wm.port() + path;
  }
}
