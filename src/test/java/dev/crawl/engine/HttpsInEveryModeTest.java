package dev.crawl.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crawl.core.UrlResult;
import dev.crawl.crawl.CrawlOptions;
import dev.crawl.fetch.FetchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** HTTPS in every mode: a server of our own CA, saved when that CA is trusted; refused, once, with a reason otherwise. */
class HttpsInEveryModeTest {
  @TempDir Path tmp;

  private static TestCertificates tls;
  private static final Map<String, WireMockServer> SERVERS = new HashMap<>();
  private static final byte[] BODY = new byte[100_000];

  @BeforeAll
  static void startServers() throws Exception {
    new Random(7).nextBytes(BODY);
    tls = TestCertificates.shared();
    for (Map.Entry<String, Path> e : Map.of("good", tls.good, "expired", tls.expired, "other", tls.otherHost).entrySet()) {
      WireMockServer wm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").httpDisabled(true)
          .dynamicHttpsPort().keystorePath(e.getValue().toString()).keystoreType("PKCS12")
          .keystorePassword(TestCertificates.PASSWORD).keyManagerPassword(TestCertificates.PASSWORD));
      wm.start();
      wm.stubFor(get("/file.bin").willReturn(aResponse().withBody(BODY)));
      wm.stubFor(get("/site/index.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
          .withBody("<title>S</title><a href='page.html'>p</a> <a href='/file.bin'>f</a>")));
      wm.stubFor(get("/site/page.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
          .withBody("<title>P</title>page")));
      SERVERS.put(e.getKey(), wm);
    }
    WireMockServer mutual = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").httpDisabled(true)
        .dynamicHttpsPort().keystorePath(tls.good.toString()).keystoreType("PKCS12")
        .keystorePassword(TestCertificates.PASSWORD).keyManagerPassword(TestCertificates.PASSWORD)
        .needClientAuth(true).trustStorePath(tls.trustStore.toString()).trustStoreType("PKCS12")
        .trustStorePassword(TestCertificates.PASSWORD));
    mutual.start();
    mutual.stubFor(get("/file.bin").willReturn(aResponse().withBody(BODY)));
    SERVERS.put("mutual", mutual);
    WireMockServer plain = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    plain.start();
    plain.stubFor(get("/moved").willReturn(aResponse().withStatus(301).withHeader("Location", url("good"))));
    plain.stubFor(get("/plain.txt").willReturn(aResponse().withBody("over plain http")));
    SERVERS.get("good").stubFor(get("/down").willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://127.0.0.1:" + plain.port() + "/plain.txt")));
    SERVERS.put("plain", plain);
  }

  @AfterAll
  static void stopServers() {
    SERVERS.values().forEach(WireMockServer::stop);
  }

  private static String url(String server) {
    return "https://127.0.0.1:" + SERVERS.get(server).httpsPort() + "/file.bin";
  }

  private static int requests(String server) {
    return SERVERS.get(server).getAllServeEvents().size();
  }

  private RunFixture.Result run(Mode mode, String server, FetchSettings settings) throws Exception {
    SERVERS.get(server).resetRequests();
    return RunFixture.run(mode, 2, List.of(url(server)), tmp.resolve("out"), settings);
  }

  private FetchSettings trustingTheTestCa() {
    return TestSettings.fast().withRetries(2).withCaCertificate(tls.caPem.toString());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void savesFromAServerOfItsOwnCaOnceThatCaIsTrusted(Mode mode) throws Exception {
    UrlResult.Saved saved = run(mode, "good", trustingTheTestCa()).saved("/file.bin");

    assertArrayEquals(BODY, Files.readAllBytes(tmp.resolve("out").resolve(saved.path())));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void takesHttp2WhereTheServerOffersItAndRecordsWhichProtocolEachUrlUsed(Mode mode) throws Exception {
    assertEquals("h2", run(mode, "good", trustingTheTestCa()).saved("/file.bin").protocol());
    assertEquals("http/1.1", run(mode, "good", trustingTheTestCa().withHttp11(true)).saved("/file.bin").protocol());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void theSummaryCountsSavedUrlsByProtocol(Mode mode) throws Exception {
    String plain = "http://127.0.0.1:" + SERVERS.get("plain").port() + "/moved";
    RunFixture.Result run = RunFixture.run(mode, 2, List.of(url("good"), plain), tmp.resolve("out"), trustingTheTestCa());

    // the redirect from plain http ends over https: both count as h2
    assertEquals(Map.of("h2", 2L), run.outcome().summary().protocols());
    RunFixture.Result forced =
        RunFixture.run(mode, 2, List.of(url("good")), tmp.resolve("out2"), trustingTheTestCa().withHttp11(true));
    assertEquals(Map.of("http/1.1", 1L), forced.outcome().summary().protocols());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void showsItsClientCertificateToAServerThatAsksForOne(Mode mode) throws Exception {
    FetchSettings withIdentity = trustingTheTestCa()
        .withClientCertificate(tls.clientCertificate.toString()).withClientKey(tls.clientKey.toString());

    UrlResult.Saved saved = run(mode, "mutual", withIdentity).saved("/file.bin");

    assertArrayEquals(BODY, Files.readAllBytes(tmp.resolve("out").resolve(saved.path())));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void failsOnceSayingWhatToGiveWhenAServerAsksForAClientCertificate(Mode mode) throws Exception {
    UrlResult.Failed failed = run(mode, "mutual", trustingTheTestCa()).failed("/file.bin");

    assertTrue(failed.reason().contains("--client-certificate"), failed.reason());
    assertEquals(1, failed.attempts());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void followsARedirectFromHttpToHttps(Mode mode) throws Exception {
    String moved = "http://127.0.0.1:" + SERVERS.get("plain").port() + "/moved";
    UrlResult.Saved saved =
        RunFixture.run(mode, 2, List.of(moved), tmp.resolve("out"), trustingTheTestCa()).saved("/moved");

    assertEquals(url("good"), saved.finalUrl().toString());
    assertArrayEquals(BODY, Files.readAllBytes(tmp.resolve("out").resolve(saved.path())));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void resumesOverHttpsFetchingOnlyWhatTheFirstRunDidNotSave(Mode mode) throws Exception {
    String missing = "https://127.0.0.1:" + SERVERS.get("good").httpsPort() + "/later.bin";
    WireMockServer good = SERVERS.get("good");
    good.stubFor(get("/later.bin").willReturn(aResponse().withStatus(503)));
    RunFixture.run(mode, 2, List.of(url("good"), missing), tmp.resolve("out"), trustingTheTestCa().withRetries(0))
        .failed("/later.bin");
    good.stubFor(get("/later.bin").willReturn(aResponse().withBody("now")));
    good.resetRequests();

    RunFixture.Result second =
        RunFixture.resume(mode, 2, List.of(url("good"), missing), tmp.resolve("out"), trustingTheTestCa());

    assertEquals(BODY.length, second.skipped("/file.bin").bytes());
    assertEquals("now", Files.readString(tmp.resolve("out").resolve(second.saved("/later.bin").path())));
    assertEquals(List.of("/later.bin"), good.getAllServeEvents().stream().map(e -> e.getRequest().getUrl()).toList());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void followsARedirectFromHttpsDownToHttpAsCurlAndWgetDo(Mode mode) throws Exception {
    String down = "https://127.0.0.1:" + SERVERS.get("good").httpsPort() + "/down";
    UrlResult.Saved saved =
        RunFixture.run(mode, 2, List.of(down), tmp.resolve("out"), trustingTheTestCa()).saved("/down");

    assertEquals("http://127.0.0.1:" + SERVERS.get("plain").port() + "/plain.txt", saved.finalUrl().toString());
    assertEquals("over plain http", Files.readString(tmp.resolve("out").resolve(saved.path())));
    assertEquals("http/1.1", saved.protocol());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void crawlsASiteOverHttpsReadingItsRobotsTxtWithTheSameTrust(Mode mode) throws Exception {
    String start = "https://127.0.0.1:" + SERVERS.get("good").httpsPort() + "/site/index.html";
    // robots.txt respected: read over a connection that trusts the test CA too, or every link is refused
    RunFixture.Result run = RunFixture.crawl(mode, 2, List.of(start), tmp.resolve("out"), trustingTheTestCa(),
        new CrawlOptions(1, false, List.of(), false, List.of(), List.of(), true));

    assertEquals("P", run.saved("/site/page.html").title());
    assertArrayEquals(BODY, Files.readAllBytes(tmp.resolve("out").resolve(run.saved("/file.bin").path())));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void refusesAnUntrustedCertificateOnceAndNamesItsIssuer(Mode mode) throws Exception {
    UrlResult.Failed failed = run(mode, "good", TestSettings.fast().withRetries(2)).failed("/file.bin");

    assertEquals(1, failed.attempts(), failed.reason());
    assertTrue(failed.reason().contains("is not trusted: it was issued by " + TestCertificates.CA_NAME), failed.reason());
    assertTrue(failed.reason().contains("--ca-certificate FILE"), failed.reason());
    assertEquals(0, requests("good"), "no request goes out over a connection we do not trust");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void insecureSavesFromAServerNobodyTrusts(Mode mode) throws Exception {
    UrlResult.Saved saved = run(mode, "good", TestSettings.fast().withInsecure(true)).saved("/file.bin");

    assertArrayEquals(BODY, Files.readAllBytes(tmp.resolve("out").resolve(saved.path())));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void anExpiredCertificateIsRefusedWithItsDate(Mode mode) throws Exception {
    UrlResult.Failed failed = run(mode, "expired", trustingTheTestCa()).failed("/file.bin");

    assertEquals(1, failed.attempts(), failed.reason());
    assertTrue(failed.reason().matches("TLS: the certificate for expired expired on \\d{4}-\\d\\d-\\d\\d .*"), failed.reason());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCertificateForAnotherHostIsRefusedWithTheNamesItHas(Mode mode) throws Exception {
    UrlResult.Failed failed = run(mode, "other", trustingTheTestCa()).failed("/file.bin");

    assertEquals(1, failed.attempts(), failed.reason());
    assertTrue(failed.reason().contains("does not name 127.0.0.1 (it names other.example)"), failed.reason());
  }
}
