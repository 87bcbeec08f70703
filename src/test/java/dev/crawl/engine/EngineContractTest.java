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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.crawl.core.FetchTimings;
import dev.crawl.core.UrlResult;
import dev.crawl.fetch.FetchSettings;
import dev.crawl.fetch.auth.Credentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    RunFixture.Result run = run(urls, TestSettings.fast());

    for (int i = 0; i < sizes.length; i++) {
      UrlResult.Saved r = run.saved("/f" + i + ".bin");
      assertArrayEquals(bodies.get(i), Files.readAllBytes(out().resolve(r.path())), r.path());
    }
    assertEquals(sizes.length, run.outcome().summary().counts().saved());
  }

  @Test
  void theSummaryNamesTheTransportThatCarriedTheRun() throws Exception {
    wm.stubFor(get("/one").willReturn(aResponse().withBody("1")));

    RunFixture.Result run = run(List.of(url("/one")), TestSettings.fast());

    // the reference pass of the build runs on the JDK client; every other run on the default
    boolean reference = System.getProperty("crawl.test.transport", "").equals("jdk");
    String executors = run.outcome().summary().executors();
    assertTrue(executors.contains(reference ? "the JDK's HttpClient" : "Netty's event loop"), executors);
  }

  @Test
  void recordsA404AsAFailureWithItsStatus() throws Exception {
    wm.stubFor(get("/missing").willReturn(aResponse().withStatus(404).withBody("gone")));

    UrlResult.Failed r = run(List.of(url("/missing")), TestSettings.fast()).failed("/missing");

    assertAll(
        () -> assertEquals(404, r.status()),
        () -> assertTrue(r.reason().contains("404"), r.reason()));
    assertNoFilesSaved();
  }

  @Test
  void reportsTheStatusOfAnErrorPageTooLargeToRead() throws Exception {
    wm.stubFor(get("/huge-404").willReturn(aResponse().withStatus(404).withBody(randomBytes(3 << 20, 3))));

    UrlResult.Failed r = run(List.of(url("/huge-404")), TestSettings.fast()).failed("/huge-404");

    assertEquals(404, r.status());
    assertTrue(r.reason().startsWith("HTTP 404"), r.reason());
  }

  @Test
  void recordsA500AsAFailureWithItsStatus() throws Exception {
    wm.stubFor(get("/broken").willReturn(aResponse().withStatus(500)));

    UrlResult.Failed r = run(List.of(url("/broken")), TestSettings.fast()).failed("/broken");

    assertEquals(500, r.status());
    assertNoFilesSaved();
  }

  @Test
  void followsRedirectsAndReportsTheFinalUrl() throws Exception {
    wm.stubFor(get("/old").willReturn(aResponse().withStatus(301).withHeader("Location", "/middle")));
    wm.stubFor(get("/middle").willReturn(aResponse().withStatus(302).withHeader("Location", url("/new"))));
    wm.stubFor(get("/new").willReturn(aResponse().withBody("moved here")));

    UrlResult.Saved r = run(List.of(url("/old")), TestSettings.fast()).saved("/old");

    assertEquals(url("/new"), String.valueOf(r.finalUrl()));
    assertEquals("moved here", Files.readString(out().resolve(r.path())));
  }

  @Test
  void sendsTheHeadersGivenWithHAndTheyReplaceTheDefaults() throws Exception {
    wm.stubFor(get("/h").willReturn(aResponse().withBody("ok")));

    run(List.of(url("/h")), TestSettings.fast().withHeaders(List.of("X-Token: abc 123", "User-Agent: mine/1.0"))).saved("/h");

    LoggedRequest sent = wm.findAll(getRequestedFor(urlEqualTo("/h"))).get(0);
    assertEquals("abc 123", sent.getHeader("X-Token"));
    assertEquals(List.of("mine/1.0"), sent.header("User-Agent").values());
  }

  @Test
  void userCredentialsGoToTheListedServerButNotAcrossARedirectToAnother() throws Exception {
    WireMockServer other = redirectedTo("127.0.0.1");
    try {

      run(List.of(url("/here")), TestSettings.fast().withCredentials(new Credentials("ann", "s3cret:x")))
          .saved("/here");

      assertEquals(basic("ann:s3cret:x"), wm.findAll(getRequestedFor(urlEqualTo("/here"))).get(0).getHeader("Authorization"));
      LoggedRequest there = other.findAll(getRequestedFor(urlEqualTo("/there"))).get(0);
      assertFalse(there.containsHeader("Authorization"), there.toString());
    } finally {
      other.stop();
    }
  }

  @Test
  void netrcCredentialsGoOnlyToTheHostTheyNameWhereverTheRequestCameFrom() throws Exception {
    // another loopback address: a .netrc names hosts, not ports
    WireMockServer other = redirectedTo("127.0.0.2");
    try {
      Path netrc = Files.writeString(tmp.resolve("netrc"), "machine 127.0.0.2 login bob password \"two words\"\n");

      run(List.of(url("/here")), TestSettings.fast().withNetrcFile(netrc.toString())).saved("/here");

      assertFalse(wm.findAll(getRequestedFor(urlEqualTo("/here"))).get(0).containsHeader("Authorization"));
      assertEquals(basic("bob:two words"), other.findAll(getRequestedFor(urlEqualTo("/there"))).get(0).getHeader("Authorization"));
    } finally {
      other.stop();
    }
  }

  @Test
  void aServerAskingForCredentialsFailsSayingHowToGiveThem() throws Exception {
    wm.stubFor(get("/locked").willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=x")));

    UrlResult.Failed none = run(List.of(url("/locked")), TestSettings.fast()).failed("/locked");
    UrlResult.Failed wrong = run(List.of(url("/locked")), TestSettings.fast().withCredentials(new Credentials("a", "b")))
        .failed("/locked");

    assertEquals("HTTP 401 Unauthorized: the server asks for credentials; give them with --user NAME:PASSWORD or --netrc", none.reason());
    assertEquals("HTTP 401 Unauthorized: the server refused the credentials sent", wrong.reason());
  }

  /** Another server, on this address, that /here on ours redirects to (/there). */
  private WireMockServer redirectedTo(String address) {
    WireMockServer other = new WireMockServer(wireMockConfig().bindAddress(address).dynamicPort());
    other.start();
    other.stubFor(get("/there").willReturn(aResponse().withBody("elsewhere")));
    wm.stubFor(get("/here").willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://" + address + ":" + other.port() + "/there")));
    return other;
  }

  private static String basic(String userColonPassword) {
    return "Basic " + java.util.Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void credentialsGivenWithHAreNotSentAfterARedirectToAnotherServer() throws Exception {
    WireMockServer other = redirectedTo("127.0.0.1");
    try {

      run(List.of(url("/here")), TestSettings.fast().withHeaders(List.of("Authorization: Bearer secret", "X-Trace: 7")))
          .saved("/here");

      assertEquals("Bearer secret", wm.findAll(getRequestedFor(urlEqualTo("/here"))).get(0).getHeader("Authorization"));
      LoggedRequest there = other.findAll(getRequestedFor(urlEqualTo("/there"))).get(0);
      assertFalse(there.containsHeader("Authorization"), there.toString());
      assertEquals("7", there.getHeader("X-Trace"));
    } finally {
      other.stop();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "br", "zstd"})
  void decodesCompressedBodiesOfEveryCodingItAsksFor(String coding) throws Exception {
    // larger than the decoders' output chunk many times over, so each has to be drained repeatedly
    String text = "hello, compressed world\n".repeat(20_000);
    wm.stubFor(
        get("/page.txt")
            .willReturn(aResponse().withHeader("Content-Encoding", coding).withBody(encode(coding, text))));

    UrlResult.Saved r = run(List.of(url("/page.txt")), TestSettings.fast()).saved("/page.txt");

    assertEquals(text, Files.readString(out().resolve(r.path())));
    assertEquals(text.length(), r.bytes());
    String accept = wm.findAll(getRequestedFor(urlEqualTo("/page.txt"))).get(0).getHeader("Accept-Encoding");
    assertEquals("gzip, deflate, br, zstd", accept);
  }

  @Test
  void aResponseTimeoutFailsOnlyThatUrl() throws Exception {
    wm.stubFor(get("/slow").willReturn(aResponse().withBody("late").withFixedDelay(5000)));
    wm.stubFor(get("/fast").willReturn(aResponse().withBody("quick")));
    FetchSettings s = TestSettings.fast().withResponseTimeout(Duration.ofMillis(1500));

    // one lane, slow URL first: a cold client (a fresh worker JVM on a busy machine) pays its first
    // request's warm-up on the URL that is meant to time out, never on the healthy one
    RunFixture.Result run = RunFixture.run(mode(), 1, List.of(url("/slow"), url("/fast")), out(), s);

    UrlResult.Failed slow = run.failed("/slow");
    assertTrue(slow.reason().contains("timed out"), slow.reason());
    run.saved("/fast");
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

    UrlResult.Saved r = run(List.of(url("/flaky")), TestSettings.fast().withRetries(3)).saved("/flaky");

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

    UrlResult.Failed r = run(List.of(nowhere), TestSettings.fast().withRetries(2)).failed("/file");

    assertEquals(3, r.attempts());
    assertTrue(r.reason().contains("connection refused"), r.reason());
    assertEquals(0, r.status());
  }

  @Test
  void givesUpAfterTheConfiguredRetries() throws Exception {
    wm.stubFor(get("/down").willReturn(aResponse().withStatus(503)));

    UrlResult.Failed r = run(List.of(url("/down")), TestSettings.fast().withRetries(2)).failed("/down");

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

    UrlResult.Saved r = run(List.of(url("/busy")), TestSettings.fast().withRetries(1)).saved("/busy");

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

    RunFixture.Result run = run(urls, TestSettings.fast());

    assertEquals(urls.size(), run.outcome().summary().counts().saved());
    int allowed = mode() == Mode.SYNC ? 1 : CONCURRENCY;
    assertTrue(inFlight.peak() <= allowed, "server saw " + inFlight.peak() + " at once, allowed " + allowed);
    assertTrue(run.outcome().summary().peakInFlight() <= allowed);
  }

  @Test
  void recordsTheLaneThatRanEachDownload() throws Exception {
    wm.stubFor(get(urlPathMatching("/l/.*")).willReturn(aResponse().withBody("x")));
    List<String> urls = List.of(url("/l/1"), url("/l/2"), url("/l/3"));

    RunFixture.Result run = run(urls, TestSettings.fast());

    String prefix =
        switch (mode()) {
          case SYNC -> "main";
          case THREADS -> "threads-";
          case PROCESSES -> "worker-";
          case ASYNC -> "slot-";
          case VIRTUAL -> "vt-";
        };
    for (UrlResult.Saved r : run.all(UrlResult.Saved.class)) {
      FetchTimings t = r.timings();
      assertTrue(t.lane().startsWith(prefix), t.lane());
      assertTrue(t.started() <= t.firstByte() && t.firstByte() <= t.finished(), r.toString());
    }
  }

  @Test
  void stopsABodyThatStallsAtTheIdleTimeout() throws Exception {
    wm.stubFor(get("/drip").willReturn(aResponse().withBody("x".repeat(5000)).withChunkedDribbleDelay(5, 5000)));
    wm.stubFor(get("/fine").willReturn(aResponse().withBody("fine")));

    RunFixture.Result run =
        run(List.of(url("/drip"), url("/fine")), TestSettings.fast().withIdleTimeout(Duration.ofMillis(300)));

    UrlResult.Failed drip = run.failed("/drip");
    assertTrue(drip.reason().contains("--idle-timeout"), drip.reason());
    run.saved("/fine");
    assertNoTemporaryFiles();
  }

  @Test
  void failsARedirectLoopWithAClearReason() throws Exception {
    wm.stubFor(get("/a").willReturn(aResponse().withStatus(302).withHeader("Location", "/b")));
    wm.stubFor(get("/b").willReturn(aResponse().withStatus(302).withHeader("Location", "/a")));

    UrlResult.Failed r = run(List.of(url("/a")), TestSettings.fast().withMaxRedirects(5)).failed("/a");

    assertTrue(r.reason().contains("too many redirects"), r.reason());
    assertEquals(6, wm.getAllServeEvents().size());
  }

  @Test
  void refusesARedirectToAnotherScheme() throws Exception {
    wm.stubFor(get("/ftp").willReturn(aResponse().withStatus(301).withHeader("Location", "ftp://127.0.0.1/file")));

    UrlResult.Failed r = run(List.of(url("/ftp")), TestSettings.fast()).failed("/ftp");

    assertTrue(r.reason().contains("unsupported scheme 'ftp' refused"), r.reason());
  }

  @Test
  void abortsABodyLargerThanMaxSizeAndKeepsNothing() throws Exception {
    wm.stubFor(get("/big").willReturn(aResponse().withBody(randomBytes(200_000, 7))));
    wm.stubFor(get("/small").willReturn(aResponse().withBody(randomBytes(1000, 8))));

    RunFixture.Result run = run(List.of(url("/big"), url("/small")), TestSettings.fast().withMaxBytes(100_000));

    UrlResult.Failed big = run.failed("/big");
    assertTrue(big.reason().contains("--max-size"), big.reason());
    run.saved("/small");
    assertNoTemporaryFiles();
  }

  @Test
  void runsAsManyDownloadsAtOnceAsTheConcurrency() throws Exception {
    wm.stubFor(get(urlPathMatching("/b/.*")).willReturn(aResponse().withBody("x").withTransformers("every-slot")));
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 3 * CONCURRENCY; i++) {
      urls.add(url("/b/" + i));
    }

    RunFixture.Result run = run(urls, TestSettings.fast());

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

    RunFixture.Result run = run(urls, TestSettings.fast().withPerHost(2));

    assertEquals(8, run.outcome().summary().counts().saved());
    int expected = mode() == Mode.SYNC ? 1 : 2;
    assertTrue(perHostSlots.opened(), "the server never had " + expected + " requests in flight at once");
    assertTrue(perHostSlots.peak() <= expected, "server saw " + perHostSlots.peak() + " at once, per-host limit 2");
    assertTrue(run.outcome().summary().peakInFlight() <= expected,
        "a download waiting for its per-host slot is not in flight: " + run.outcome().summary().peakInFlight());
    if (mode() != Mode.SYNC) {
      // -c 4 and 8 URLs for 2 slots: some downloads had to wait, and the report says how long
      assertTrue(run.all(UrlResult.Saved.class).stream().anyMatch(r -> r.timings().waited() > 0), run.records().toString());
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

  /** The text in a content coding: gzip, br or zstd. */
  static byte[] encode(String coding, String text) throws Exception {
    return Bombs.encode(coding, text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] gzip(String text) throws Exception {
    return Bombs.encode("gzip", text.getBytes(StandardCharsets.UTF_8));
  }
}
