package dev.crawl.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.crawl.crawl.CrawlOptions;
import dev.crawl.fetch.FetchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The run's cookie jar: a cookie a server sets (on a redirect, as logins do) goes with every later
 * request to that site; in processes mode, also from the workers that did not receive it.
 */
class CookiesInEveryModeTest {
  @TempDir Path tmp;
  private WireMockServer wm;

  @BeforeEach
  void start() {
    wm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    wm.stubFor(get("/login").willReturn(aResponse().withStatus(302).withHeader("Location", "/site/index.html")
        .withHeader("Set-Cookie", "session=s1; Path=/; HttpOnly")));
    StringBuilder links = new StringBuilder("<title>Index</title>");
    for (int i = 0; i < 8; i++) {
      links.append("<a href='page").append(i).append(".html'>p</a>");
      wm.stubFor(get("/site/page" + i + ".html")
          .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<title>P</title>")));
    }
    wm.stubFor(get("/site/index.html")
        .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(links.toString())));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + wm.port() + path;
  }

  private RunFixture.Result crawl(Mode mode, FetchSettings settings) throws Exception {
    return RunFixture.crawl(mode, 4, List.of(url("/login")), tmp.resolve("out"), settings,
        new CrawlOptions(1, false, List.of(), false, List.of(), List.of(), false));
  }

  private List<LoggedRequest> pages() {
    return wm.findAll(getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlMatching("/site/page.*")));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCookieSetOnARedirectGoesWithEveryLaterRequestToThatSite(Mode mode) throws Exception {
    crawl(mode, TestSettings.fast());

    assertEquals("session=s1", wm.findAll(getRequestedFor(urlEqualTo("/site/index.html"))).get(0).getHeader("Cookie"));
    assertEquals(8, pages().size());
    for (LoggedRequest page : pages()) {
      assertEquals("session=s1", page.getHeader("Cookie"), page.getUrl());
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void startsFromACookiesFileAndSavesTheJarWhenTheRunEnds(Mode mode) throws Exception {
    Path loaded = Files.writeString(tmp.resolve("in.txt"), "127.0.0.1\tFALSE\t/site\tFALSE\t0\tpref\tdark\n");
    Path saved = tmp.resolve("out.txt");

    crawl(mode, TestSettings.fast().withLoadCookies(loaded.toString()).withSaveCookies(saved.toString()));

    for (LoggedRequest page : pages()) {
      assertEquals("pref=dark; session=s1", page.getHeader("Cookie"), page.getUrl());
    }
    assertFalse(wm.findAll(getRequestedFor(urlEqualTo("/login"))).get(0).containsHeader("Cookie"), "/login is not under /site");
    List<String> lines = Files.readAllLines(saved);
    assertTrue(lines.contains("127.0.0.1\tFALSE\t/site\tFALSE\t0\tpref\tdark"), lines.toString());
    assertTrue(lines.contains("#HttpOnly_127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\ts1"), lines.toString());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void keepsNoCookiesWhenToldNotTo(Mode mode) throws Exception {
    crawl(mode, TestSettings.fast().withCookies(false));

    assertEquals(8, pages().size());
    for (LoggedRequest page : pages()) {
      assertFalse(page.containsHeader("Cookie"), page.getUrl());
    }
  }
}
