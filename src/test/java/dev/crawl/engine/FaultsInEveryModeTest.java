package dev.crawl.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.crawl.core.UrlResult;
import dev.crawl.fetch.FetchSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;
import java.util.stream.Stream;

/**
 * Faults every mode must survive: the URL fails with a precise reason (or is saved after a retry),
 * nothing partial is left under its name or as a temporary file (a cut body may be kept beside it,
 * as {@code .NAME.partial}, for {@code -C}), and the rest of the run goes on.
 */
class FaultsInEveryModeTest {
  @TempDir Path tmp;
  private WireMockServer wm;

  @BeforeEach
  void startServer() {
    wm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true));
    wm.start();
    wm.stubFor(get("/healthy").willReturn(aResponse().withBody("still fine")));
  }

  @AfterEach
  void stopServer() {
    wm.stop();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aConnectionResetFailsOnlyThatUrl(Mode mode) throws Exception {
    assertFailsAlone(
        mode, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), TestSettings.fast(), "the server");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void anEmptyResponseFailsOnlyThatUrl(Mode mode) throws Exception {
    assertFailsAlone(
        mode, aResponse().withFault(Fault.EMPTY_RESPONSE), TestSettings.fast(),
        "closed the connection without sending a response");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aMalformedChunkedBodyFailsOnlyThatUrl(Mode mode) throws Exception {
    assertFailsAlone(
        mode, aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), TestSettings.fast(),
        "malformed chunked body");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void randomBytesThenCloseFailOnlyThatUrl(Mode mode) throws Exception {
    assertFailsAlone(
        mode, aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), TestSettings.fast(),
        "not valid HTTP");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aBodyShorterThanItsContentLengthIsNotSaved(Mode mode) throws Exception {
    assertFailsAlone(
        mode,
        aResponse().withHeader("Content-Length", "5000").withBody("only a little"),
        TestSettings.fast(),
        "connection closed after 13 of 5000 bytes");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aServerThatDripsBytesHitsTheMinimumRate(Mode mode) throws Exception {
    ResponseDefinitionBuilder drip = aResponse().withBody("x".repeat(200)).withChunkedDribbleDelay(40, 8000);
    FetchSettings s = TestSettings.fast().withIdleTimeout(Duration.ofMillis(600)).withMinRate(1000);
    assertFailsAlone(mode, drip, s, "too slow");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aDownloadLongerThanMaxTimeIsStopped(Mode mode) throws Exception {
    // steady but slow enough to pass the idle timeout and the rate check: only --max-time stops it
    ResponseDefinitionBuilder slow = aResponse().withBody("x".repeat(4000)).withChunkedDribbleDelay(20, 6000);
    FetchSettings s = TestSettings.fast().withTotalTimeout(Duration.ofMillis(800));
    assertFailsAlone(mode, slow, s, "longer than --max-time");
  }

  static Stream<Arguments> everyModeAndCoding() {
    return Arrays.stream(Mode.values())
        .flatMap(m -> Stream.of("gzip", "br", "zstd").map(c -> Arguments.of(m, c)));
  }

  @ParameterizedTest
  @MethodSource("everyModeAndCoding")
  void aCorruptCompressedBodyIsNotSaved(Mode mode, String coding) throws Exception {
    byte[] body = EngineContractTest.encode(coding, "a long text that compresses ".repeat(400));
    // the first bytes kept (gzip's header, zstd's frame header); a stretch of the middle overwritten
    byte[] garbage = EngineContractTest.randomBytes(body.length / 2, 11);
    System.arraycopy(garbage, 0, body, body.length / 4, garbage.length);
    assertFailsAlone(
        mode, aResponse().withHeader("Content-Encoding", coding).withBody(body), TestSettings.fast(),
        "corrupt " + CODING_NAMES.get(coding) + " body");
  }

  @ParameterizedTest
  @MethodSource("everyModeAndCoding")
  void aTruncatedCompressedBodyIsNotSaved(Mode mode, String coding) throws Exception {
    byte[] body = EngineContractTest.encode(coding, "a long text that compresses ".repeat(400));
    assertFailsAlone(
        mode,
        aResponse().withHeader("Content-Encoding", coding).withBody(Arrays.copyOf(body, body.length / 2)),
        TestSettings.fast(),
        "corrupt " + CODING_NAMES.get(coding) + " body: unexpected end of stream");
  }

  private static final java.util.Map<String, String> CODING_NAMES = java.util.Map.of("gzip", "gzip", "br", "brotli", "zstd", "zstd");

  @ParameterizedTest
  @EnumSource(Mode.class)
  void anOverLongRedirectChainFailsWithAClearReason(Mode mode) throws Exception {
    for (int i = 0; i < 15; i++) {
      wm.stubFor(get("/chain/" + i).willReturn(aResponse().withStatus(302).withHeader("Location", "/chain/" + (i + 1))));
    }
    wm.stubFor(get("/chain/15").willReturn(aResponse().withBody("too far")));

    RunFixture.Result run = run(mode, List.of(url("/chain/0"), url("/healthy")), TestSettings.fast().withMaxRedirects(10));

    UrlResult.Failed r = run.failed("/chain/0");
    assertTrue(r.reason().contains("too many redirects (more than 10"), r.reason());
    run.saved("/healthy");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void a503WithARetryAfterDateIsRetriedNoSoonerThanAsked(Mode mode) throws Exception {
    // an HTTP date has whole seconds: the retry is measured against the date itself, not "now + 2 s"
    ZonedDateTime retryAt = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
    String when = DateTimeFormatter.RFC_1123_DATE_TIME.format(retryAt);
    wm.stubFor(get("/later").inScenario("503").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", when)).willSetStateTo("up"));
    wm.stubFor(get("/later").inScenario("503").whenScenarioStateIs("up").willReturn(aResponse().withBody("back")));

    UrlResult.Saved r = run(mode, List.of(url("/later")), TestSettings.fast().withRetries(1)).saved("/later");

    assertEquals(2, r.attempts());
    long retried = wm.findAll(getRequestedFor(urlEqualTo("/later"))).stream()
        .mapToLong(q -> q.getLoggedDate().getTime()).max().orElseThrow();
    long early = retryAt.toInstant().toEpochMilli() - retried;
    assertTrue(early <= 0, "retried " + early + " ms before the date Retry-After named (" + when + ")");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void keepsToTheRequestRateOnTheServerSide(Mode mode) throws Exception {
    wm.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/paced/.*")).willReturn(aResponse().withBody("x")));
    List<String> urls = java.util.stream.IntStream.range(0, 8).mapToObj(i -> url("/paced/" + i)).toList();

    // one lane: each request leaves after the one before it has arrived, so arrivals keep the
    // order and at least the spacing of the sends
    RunFixture.Result run = RunFixture.run(mode, 1, urls, tmp.resolve("out"), TestSettings.fast().withRate(5));

    assertEquals(8, run.outcome().summary().counts().saved());
    List<Long> arrivals = wm.findAll(getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/paced/.*")))
        .stream().map(r -> r.getLoggedDate().getTime()).sorted().toList();
    // measured from the second arrival: the first request may reach the server late (a cold
    // client, a worker JVM's first request), which would shorten the span without any fault of
    // the pacing. Sends 2..8 are 6 turns of 200 ms apart: at least 1,200 ms, less the second
    // request's own trip. Unpaced, they arrive within tens of ms.
    long span = arrivals.get(arrivals.size() - 1) - arrivals.get(1);
    assertTrue(span >= 800, "requests 2 to 8 arrived within " + span + " ms at --rate 5");
  }

  /**
   * The faulty URL fails with the reason given, the healthy one is saved, nothing partial remains
   * but what was kept to continue.
   */
  private void assertFailsAlone(Mode mode, ResponseDefinitionBuilder fault, FetchSettings settings, String reason)
      throws Exception {
    wm.stubFor(get("/faulty").willReturn(fault));

    RunFixture.Result run = run(mode, List.of(url("/faulty"), url("/healthy")), settings);

    UrlResult.Failed bad = run.failed("/faulty");
    assertTrue(bad.reason() != null && bad.reason().contains(reason), bad.reason());
    assertTrue(!bad.reason().startsWith("internal error"), bad.reason());
    run.saved("/healthy");
    List<Path> files = RunFixture.filesUnder(tmp.resolve("out")).stream()
        .filter(p -> !p.startsWith(tmp.resolve("out/.crawl")))
        .filter(p -> !p.getFileName().toString().matches("\\.faulty\\.partial(\\.json)?"))
        .toList();
    assertEquals(1, files.size(), "only the healthy file may exist: " + files);
    assertTrue(files.get(0).endsWith("healthy"), files.toString());
  }

  private RunFixture.Result run(Mode mode, List<String> urls, FetchSettings settings) throws Exception {
    return RunFixture.run(mode, 2, urls, tmp.resolve("out"), settings);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + wm.port() + path;
  }
}
