package dev.crawl.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.crawl.core.UrlResult;
import dev.crawl.crawl.CrawlOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code -N} in every mode, against a server that honours conditional requests: a second run over
 * the same output asks with what the first one kept, keeps the file on 304 and replaces it on 200.
 */
class TimestampingInEveryModeTest {
  private static final String LAST_MODIFIED = "Tue, 03 Jun 2008 11:05:30 GMT";
  private static final byte[] BODY = new byte[200_000];

  static {
    new Random(15).nextBytes(BODY);
  }

  @TempDir Path tmp;
  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    honouring("/tagged.bin", "If-None-Match", "\"v1\"", aResponse().withBody(BODY).withHeader("ETag", "\"v1\""));
    honouring("/dated.bin", "If-Modified-Since", LAST_MODIFIED,
        aResponse().withBody(BODY).withHeader("Last-Modified", LAST_MODIFIED));
    honouring("/site/index.html", "If-None-Match", "\"i1\"", aResponse().withHeader("Content-Type", "text/html")
        .withHeader("ETag", "\"i1\"").withBody("<title>I</title><a href='page.html'>p</a>"));
    honouring("/site/page.html", "If-None-Match", "\"p1\"", aResponse().withHeader("Content-Type", "text/html")
        .withHeader("ETag", "\"p1\"").withBody("<title>P</title>page"));
  }

  /** The body with its validator; 304 to a request that carries that validator back. */
  private void honouring(String path, String header, String value,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder full) {
    server.stubFor(get(path).willReturn(full));
    MappingBuilder unchanged = get(path).withHeader(header, equalTo(value)).atPriority(1);
    server.stubFor(unchanged.willReturn(aResponse().withStatus(304)));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  private Path out() {
    return tmp.resolve("out");
  }

  private RunFixture.Result firstRun(Mode mode, String... paths) throws Exception {
    return RunFixture.run(mode, 2, List.of(paths).stream().map(this::url).toList(), out(), TestSettings.fast());
  }

  private RunFixture.Result refresh(Mode mode, String... paths) throws Exception {
    return RunFixture.refresh(mode, List.of(paths).stream().map(this::url).toList(), out(), CrawlOptions.NONE);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void anUnchangedFileIsKeptOn304AndReportedNotModified(Mode mode) throws Exception {
    UrlResult.Saved first = firstRun(mode, "/tagged.bin").saved("/tagged.bin");
    server.verify(getRequestedFor(urlEqualTo("/tagged.bin")).withHeader("If-None-Match", absent()));

    RunFixture.Result second = refresh(mode, "/tagged.bin");

    UrlResult.NotModified kept = second.only("/tagged.bin", UrlResult.NotModified.class);
    assertEquals(304, kept.status());
    assertEquals(BODY.length, kept.bytes());
    // as the server sent it (Jetty marks a gzipped body's tag, "v1--gzip", and reads it back)
    assertTrue(first.validators().etag().startsWith("\"v1"), first.validators().etag());
    assertEquals(first.validators().etag(), kept.validators().etag());
    assertArrayEquals(BODY, Files.readAllBytes(out().resolve(kept.path())));
    assertEquals(1, second.outcome().summary().counts().notModified());
    assertEquals(0, second.outcome().summary().counts().saved());
    server.verify(getRequestedFor(urlEqualTo("/tagged.bin")).withHeader("If-None-Match", equalTo("\"v1\"")));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aSavedFileCarriesTheServersTimeWhichTheNextRunSendsBack(Mode mode) throws Exception {
    UrlResult.Saved saved = firstRun(mode, "/dated.bin").saved("/dated.bin");
    Instant lastModified = Instant.parse("2008-06-03T11:05:30Z");
    assertEquals(lastModified, Files.getLastModifiedTime(out().resolve(saved.path())).toInstant());

    RunFixture.Result second = refresh(mode, "/dated.bin");

    second.only("/dated.bin", UrlResult.NotModified.class);
    server.verify(getRequestedFor(urlEqualTo("/dated.bin")).withHeader("If-Modified-Since", equalTo(LAST_MODIFIED)));
    assertEquals(lastModified, Files.getLastModifiedTime(out().resolve(saved.path())).toInstant());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aChangedFileIsReplacedOn200(Mode mode) throws Exception {
    firstRun(mode, "/tagged.bin").saved("/tagged.bin");
    byte[] changed = "the second version".getBytes(StandardCharsets.UTF_8);
    server.resetMappings();
    honouring("/tagged.bin", "If-None-Match", "\"v2\"", aResponse().withBody(changed).withHeader("ETag", "\"v2\""));

    RunFixture.Result second = refresh(mode, "/tagged.bin");

    UrlResult.Saved replaced = second.saved("/tagged.bin");
    assertTrue(replaced.validators().etag().startsWith("\"v2"), replaced.validators().etag());
    assertArrayEquals(changed, Files.readAllBytes(out().resolve(replaced.path())));
    server.verify(getRequestedFor(urlEqualTo("/tagged.bin")).withHeader("If-None-Match", equalTo("\"v1\"")));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aThirdRunStillKnowsTheETagsASecondRunFoundUnchanged(Mode mode) throws Exception {
    firstRun(mode, "/tagged.bin");
    refresh(mode, "/tagged.bin").only("/tagged.bin", UrlResult.NotModified.class);

    refresh(mode, "/tagged.bin").only("/tagged.bin", UrlResult.NotModified.class);

    assertEquals(2, server.findAll(getRequestedFor(urlEqualTo("/tagged.bin"))
        .withHeader("If-None-Match", equalTo("\"v1\""))).size());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCrawlFollowsTheLinksOfAnUnchangedPage(Mode mode) throws Exception {
    CrawlOptions crawl = new CrawlOptions(5, false, List.of(), true, List.of(), List.of(), false, false);
    RunFixture.crawl(mode, 2, List.of(url("/site/index.html")), out(), TestSettings.fast(), crawl);

    RunFixture.Result second = RunFixture.refresh(mode, List.of(url("/site/index.html")), out(), crawl);

    second.only("/site/index.html", UrlResult.NotModified.class);
    second.only("/site/page.html", UrlResult.NotModified.class);
    assertTrue(second.outcome().summary().counts().saved() == 0, "nothing changed, nothing saved");
  }
}
