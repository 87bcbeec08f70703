package dev.crawl.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.crawl.fetch.FetchSettings;
import dev.crawl.report.UrlRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every behaviour users rely on, run against one mode; each mode has a subclass of a few lines.
 * WireMock listens on 127.0.0.1 only.
 */
abstract class EngineContractTest {
  private static final int CONCURRENCY = 4;

  @TempDir Path tmp;
  private WireMockServer wm;
  private final InFlightCounter inFlight = new InFlightCounter(150);
  private ServerBarrier everySlot;
  private ServerBarrier perHostSlots;

  abstract Mode mode();

  @BeforeEach
  void startServer() {
    everySlot = new ServerBarrier("every-slot", mode() == Mode.SYNC ? 1 : CONCURRENCY);
    perHostSlots = new ServerBarrier("per-host-slots", mode() == Mode.SYNC ? 1 : 2);
    wm =
        new WireMockServer(
            wireMockConfig()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .gzipDisabled(true)
                .containerThreads(64)
                .extensions(inFlight, everySlot, perHostSlots));
    wm.start();
  }

  @AfterEach
  void stopServer() {
    wm.stop();
  }

  @Test
  void savesEveryFileByteForByte() throws Exception {
    List<String> urls = new ArrayList<>();
    List<byte[]> bodies = new ArrayList<>();
    int[] sizes = {0, 1, 1000, 65_537, 300_000};
    for (int i = 0; i < sizes.length; i++) {
      byte[] body = randomBytes(sizes[i], i);
      wm.stubFor(get("/data/f" + i + ".bin").willReturn(aResponse().withBody(body)));
      urls.add(url("/data/f" + i + ".bin"));
      bodies.add(body);
    }

    RunFixture.Result run = run(urls, new TestSettings().build());

    for (int i = 0; i < sizes.length; i++) {
      UrlRecord r = run.only("/f" + i + ".bin");
      assertEquals("saved", r.outcome(), r.toString());
      assertArrayEquals(bodies.get(i), Files.readAllBytes(out().resolve(r.path())), r.path());
    }
    assertEquals(sizes.length, run.outcome().summary().counts().saved());
  }

  @Test
  void recordsA404AsAFailureWithItsStatus() throws Exception {
    wm.stubFor(get("/missing").willReturn(aResponse().withStatus(404).withBody("gone")));

    UrlRecord r = run(List.of(url("/missing")), new TestSettings().build()).only("/missing");

    assertAll(
        () -> assertEquals("failed", r.outcome()),
        () -> assertEquals(404, r.status()),
        () -> assertTrue(r.error().contains("404"), r.error()),
        () -> assertNull(r.path()));
    assertNoFilesSaved();
  }

  @Test
  void reportsTheStatusOfAnErrorPageTooLargeToRead() throws Exception {
    wm.stubFor(get("/huge-404").willReturn(aResponse().withStatus(404).withBody(randomBytes(3 << 20, 3))));

    UrlRecord r = run(List.of(url("/huge-404")), new TestSettings().build()).only("/huge-404");

    assertEquals(404, r.status());
    assertTrue(r.error().startsWith("HTTP 404"), r.error());
  }

  @Test
  void recordsA500AsAFailureWithItsStatus() throws Exception {
    wm.stubFor(get("/broken").willReturn(aResponse().withStatus(500)));

    UrlRecord r = run(List.of(url("/broken")), new TestSettings().build()).only("/broken");

    assertEquals("failed", r.outcome());
    assertEquals(500, r.status());
    assertNoFilesSaved();
  }

  @Test
  void followsRedirectsAndReportsTheFinalUrl() throws Exception {
    wm.stubFor(get("/old").willReturn(aResponse().withStatus(301).withHeader("Location", "/middle")));
    wm.stubFor(get("/middle").willReturn(aResponse().withStatus(302).withHeader("Location", url("/new"))));
    wm.stubFor(get("/new").willReturn(aResponse().withBody("moved here")));

    UrlRecord r = run(List.of(url("/old")), new TestSettings().build()).only("/old");

    assertEquals("saved", r.outcome(), r.toString());
    assertEquals(url("/new"), r.finalUrl());
    assertEquals("moved here", Files.readString(out().resolve(r.path())));
  }

  @Test
  void decodesGzipBodies() throws Exception {
    String text = "hello, compressed world\n".repeat(500);
    wm.stubFor(
        get("/page.txt")
            .willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(gzip(text))));

    UrlRecord r = run(List.of(url("/page.txt")), new TestSettings().build()).only("/page.txt");

    assertEquals("saved", r.outcome(), r.toString());
    assertEquals(text, Files.readString(out().resolve(r.path())));
    assertEquals(text.length(), r.bytes());
    String accept = wm.findAll(getRequestedFor(urlEqualTo("/page.txt"))).get(0).getHeader("Accept-Encoding");
    assertTrue(accept.contains("gzip"), accept);
  }

  @Test
  void aResponseTimeoutFailsOnlyThatUrl() throws Exception {
    wm.stubFor(get("/slow").willReturn(aResponse().withBody("late").withFixedDelay(5000)));
    wm.stubFor(get("/fast").willReturn(aResponse().withBody("quick")));
    FetchSettings s = new TestSettings().responseTimeout(Duration.ofMillis(1500)).build();

    // one lane, slow URL first: a cold client (a fresh worker JVM on a busy machine) pays its first
    // request's warm-up on the URL that is meant to time out, never on the healthy one
    RunFixture.Result run = RunFixture.run(mode(), 1, List.of(url("/slow"), url("/fast")), out(), s);

    UrlRecord slow = run.only("/slow");
    assertEquals("failed", slow.outcome());
    assertTrue(slow.error().contains("timed out"), slow.error());
    assertEquals("saved", run.only("/fast").outcome());
  }

  @Test
  void retriesA503UntilItSucceedsAndCountsTheAttempts() throws Exception {
    String scenario = "flaky";
    wm.stubFor(get("/flaky").inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("once"));
    wm.stubFor(get("/flaky").inScenario(scenario).whenScenarioStateIs("once")
        .willReturn(aResponse().withStatus(503)).willSetStateTo("twice"));
    wm.stubFor(get("/flaky").inScenario(scenario).whenScenarioStateIs("twice")
        .willReturn(aResponse().withBody("finally")));

    UrlRecord r = run(List.of(url("/flaky")), new TestSettings().retries(3).build()).only("/flaky");

    assertEquals("saved", r.outcome(), r.toString());
    assertEquals(3, r.attempts());
    assertEquals(3, wm.findAll(getRequestedFor(urlEqualTo("/flaky"))).size());
  }

  @Test
  void retriesARefusedConnectionAndSaysWhatHappened() throws Exception {
    int closedPort;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    String nowhere = "http://127.0.0.1:" + closedPort + "/file";

    UrlRecord r = run(List.of(nowhere), new TestSettings().retries(2).build()).only("/file");

    assertEquals("failed", r.outcome());
    assertEquals(3, r.attempts());
    assertTrue(r.error().contains("connection refused"), r.error());
    assertNull(r.status());
  }

  @Test
  void givesUpAfterTheConfiguredRetries() throws Exception {
    wm.stubFor(get("/down").willReturn(aResponse().withStatus(503)));

    UrlRecord r = run(List.of(url("/down")), new TestSettings().retries(2).build()).only("/down");

    assertEquals("failed", r.outcome());
    assertEquals(3, r.attempts());
    assertEquals(503, r.status());
    assertEquals(3, wm.findAll(getRequestedFor(urlEqualTo("/down"))).size());
  }

  @Test
  void waitsAsLongAsRetryAfterSaysBeforeRetrying() throws Exception {
    String scenario = "busy";
    wm.stubFor(get("/busy").inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
    wm.stubFor(get("/busy").inScenario(scenario).whenScenarioStateIs("ok")
        .willReturn(aResponse().withBody("served")));

    UrlRecord r = run(List.of(url("/busy")), new TestSettings().retries(1).build()).only("/busy");

    assertEquals("saved", r.outcome(), r.toString());
    List<LoggedRequest> requests = wm.findAll(getRequestedFor(urlEqualTo("/busy")));
    requests = requests.stream().sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    long gap = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
    assertTrue(gap >= 1000, "retried after " + gap + " ms, Retry-After said 1 s");
  }

  @Test
  void neverRunsMoreDownloadsAtOnceThanTheConcurrency() throws Exception {
    wm.stubFor(get(urlPathMatching("/c/.*")).willReturn(aResponse().withBody("x").withTransformers(InFlightCounter.NAME)));
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 4 * CONCURRENCY; i++) {
      urls.add(url("/c/" + i));
    }

    RunFixture.Result run = run(urls, new TestSettings().build());

    assertEquals(urls.size(), run.outcome().summary().counts().saved());
    int allowed = mode() == Mode.SYNC ? 1 : CONCURRENCY;
    assertTrue(inFlight.peak() <= allowed, "server saw " + inFlight.peak() + " at once, allowed " + allowed);
    assertTrue(run.outcome().summary().peakInFlight() <= allowed);
  }

  @Test
  void recordsTheLaneThatRanEachDownload() throws Exception {
    wm.stubFor(get(urlPathMatching("/l/.*")).willReturn(aResponse().withBody("x")));
    List<String> urls = List.of(url("/l/1"), url("/l/2"), url("/l/3"));

    RunFixture.Result run = run(urls, new TestSettings().build());

    String prefix =
        switch (mode()) {
          case SYNC -> "main";
          case THREADS -> "threads-";
          case PROCESSES -> "worker-";
          case ASYNC -> "slot-";
          case VIRTUAL -> "vt-";
        };
    for (UrlRecord r : run.records()) {
      assertTrue(r.lane().startsWith(prefix), r.lane());
      assertTrue(r.startedMs() <= r.firstByteMs() && r.firstByteMs() <= r.finishedMs(), r.toString());
    }
  }

  @Test
  void stopsABodyThatStallsAtTheIdleTimeout() throws Exception {
    wm.stubFor(get("/drip").willReturn(aResponse().withBody("x".repeat(5000)).withChunkedDribbleDelay(5, 5000)));
    wm.stubFor(get("/fine").willReturn(aResponse().withBody("fine")));

    RunFixture.Result run =
        run(List.of(url("/drip"), url("/fine")), new TestSettings().idleTimeout(Duration.ofMillis(300)).build());

    UrlRecord drip = run.only("/drip");
    assertEquals("failed", drip.outcome());
    assertTrue(drip.error().contains("--idle-timeout"), drip.error());
    assertEquals("saved", run.only("/fine").outcome());
    assertNoTemporaryFiles();
  }

  @Test
  void failsARedirectLoopWithAClearReason() throws Exception {
    wm.stubFor(get("/a").willReturn(aResponse().withStatus(302).withHeader("Location", "/b")));
    wm.stubFor(get("/b").willReturn(aResponse().withStatus(302).withHeader("Location", "/a")));

    UrlRecord r = run(List.of(url("/a")), new TestSettings().maxRedirects(5).build()).only("/a");

    assertEquals("failed", r.outcome());
    assertTrue(r.error().contains("too many redirects"), r.error());
    assertEquals(6, wm.getAllServeEvents().size());
  }

  @Test
  void refusesARedirectToAnotherScheme() throws Exception {
    wm.stubFor(get("/ftp").willReturn(aResponse().withStatus(301).withHeader("Location", "ftp://127.0.0.1/file")));

    UrlRecord r = run(List.of(url("/ftp")), new TestSettings().build()).only("/ftp");

    assertEquals("failed", r.outcome());
    assertTrue(r.error().contains("unsupported scheme 'ftp' refused"), r.error());
  }

  @Test
  void abortsABodyLargerThanMaxSizeAndKeepsNothing() throws Exception {
    wm.stubFor(get("/big").willReturn(aResponse().withBody(randomBytes(200_000, 7))));
    wm.stubFor(get("/small").willReturn(aResponse().withBody(randomBytes(1000, 8))));

    RunFixture.Result run = run(List.of(url("/big"), url("/small")), new TestSettings().maxBytes(100_000).build());

    UrlRecord big = run.only("/big");
    assertEquals("failed", big.outcome());
    assertTrue(big.error().contains("--max-size"), big.error());
    assertEquals("saved", run.only("/small").outcome());
    assertNoTemporaryFiles();
  }

  @Test
  void runsAsManyDownloadsAtOnceAsTheConcurrency() throws Exception {
    wm.stubFor(get(urlPathMatching("/b/.*")).willReturn(aResponse().withBody("x").withTransformers("every-slot")));
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 3 * CONCURRENCY; i++) {
      urls.add(url("/b/" + i));
    }

    RunFixture.Result run = run(urls, new TestSettings().build());

    assertEquals(urls.size(), run.outcome().summary().counts().saved());
    int expected = mode() == Mode.SYNC ? 1 : CONCURRENCY;
    assertTrue(everySlot.opened(), "the server never had " + expected + " requests in flight at once");
    assertTrue(everySlot.peak() <= expected, "server saw " + everySlot.peak() + " at once, allowed " + expected);
  }

  @Test
  void keepsToThePerHostLimitAndUsesAllOfIt() throws Exception {
    wm.stubFor(get(urlPathMatching("/h/.*")).willReturn(aResponse().withBody("x").withTransformers("per-host-slots")));
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      urls.add(url("/h/" + i));
    }

    RunFixture.Result run = run(urls, new TestSettings().perHost(2).build());

    assertEquals(8, run.outcome().summary().counts().saved());
    int expected = mode() == Mode.SYNC ? 1 : 2;
    assertTrue(perHostSlots.opened(), "the server never had " + expected + " requests in flight at once");
    assertTrue(perHostSlots.peak() <= expected, "server saw " + perHostSlots.peak() + " at once, per-host limit 2");
    assertTrue(run.outcome().summary().peakInFlight() <= expected,
        "a download waiting for its per-host slot is not in flight: " + run.outcome().summary().peakInFlight());
    if (mode() != Mode.SYNC) {
      // -c 4 and 8 URLs for 2 slots: some downloads had to wait, and the report says how long
      assertTrue(run.records().stream().anyMatch(r -> r.waitMs() != null && r.waitMs() > 0), run.records().toString());
    }
  }

  private void assertNoTemporaryFiles() throws Exception {
    List<Path> leftovers =
        RunFixture.filesUnder(out()).stream().filter(p -> p.getFileName().toString().endsWith(".part")).toList();
    assertEquals(List.of(), leftovers);
  }

  private RunFixture.Result run(List<String> urls, FetchSettings settings) throws Exception {
    return RunFixture.run(mode(), CONCURRENCY, urls, out(), settings);
  }

  private Path out() {
    return tmp.resolve("out");
  }

  private String url(String path) {
    return "http://127.0.0.1:" + wm.port() + path;
  }

  /** Failures leave nothing behind: no file under a final name, no temporary file. */
  private void assertNoFilesSaved() throws Exception {
    List<Path> files =
        RunFixture.filesUnder(out()).stream().filter(p -> !p.startsWith(out().resolve(".crawl"))).toList();
    assertEquals(List.of(), files);
  }

  static byte[] randomBytes(int size, long seed) {
    byte[] b = new byte[size];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
