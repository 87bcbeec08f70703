package dev.crawl.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crawl.core.UrlResult;
import dev.crawl.fetch.FetchSettings;
import dev.crawl.fetch.net.Proxies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Requests through a forward proxy started here: http as absolute-form requests, https through CONNECT. */
class ProxyInEveryModeTest {
  @TempDir Path tmp;

  private static final byte[] BODY = new byte[50_000];
  private static TestCertificates tls;
  private static WireMockServer plain;
  private static WireMockServer secure;

  @BeforeAll
  static void startServers() throws Exception {
    new Random(3).nextBytes(BODY);
    tls = TestCertificates.shared();
    plain = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    secure = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").httpDisabled(true)
        .dynamicHttpsPort().keystorePath(tls.good.toString()).keystoreType("PKCS12")
        .keystorePassword(TestCertificates.PASSWORD).keyManagerPassword(TestCertificates.PASSWORD));
    for (WireMockServer wm : List.of(plain, secure)) {
      wm.start();
      wm.stubFor(get("/file.bin").willReturn(aResponse().withBody(BODY)));
    }
  }

  @AfterAll
  static void stopServers() {
    plain.stop();
    secure.stop();
  }

  private static String httpUrl() {
    return "http://127.0.0.1:" + plain.port() + "/file.bin";
  }

  private static String httpsUrl() {
    return "https://127.0.0.1:" + secure.httpsPort() + "/file.bin";
  }

  private FetchSettings through(String proxy, String... noProxy) {
    return TestSettings.fast().withCaCertificate(tls.caPem.toString())
        .withProxies(new Proxies(proxy, proxy, List.of(noProxy)));
  }

  private RunFixture.Result run(Mode mode, List<String> urls, FetchSettings settings) throws Exception {
    plain.resetRequests();
    secure.resetRequests();
    return RunFixture.run(mode, 2, urls, tmp.resolve("out"), settings);
  }

  private void assertSavedWhole(RunFixture.Result run, String url) throws Exception {
    UrlResult r = run.byUrl().get(url);
    if (!(r instanceof UrlResult.Saved saved)) {
      throw new AssertionError(url + " not saved: " + r);
    }
    assertArrayEquals(BODY, Files.readAllBytes(tmp.resolve("out").resolve(saved.path())), url);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void sendsHttpAsAbsoluteRequestsAndHttpsThroughATunnel(Mode mode) throws Exception {
    try (TestProxy proxy = new TestProxy(null)) {
      RunFixture.Result run = run(mode, List.of(httpUrl(), httpsUrl()), through(proxy.address()));

      assertSavedWhole(run, httpUrl());
      assertSavedWhole(run, httpsUrl());
      List<String> lines = proxy.seen().stream().map(TestProxy.Seen::requestLine).toList();
      assertTrue(lines.contains("GET " + httpUrl() + " HTTP/1.1"), lines.toString());
      assertTrue(lines.contains("CONNECT 127.0.0.1:" + secure.httpsPort() + " HTTP/1.1"), lines.toString());
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void sendsTheCredentialsInTheProxysAddressToTheProxyAloneForBothSchemes(Mode mode) throws Exception {
    try (TestProxy proxy = new TestProxy("pat:pa ss")) {
      RunFixture.Result run =
          run(mode, List.of(httpUrl(), httpsUrl()), through("http://pat:pa%20ss@127.0.0.1:" + proxy.port()));

      assertSavedWhole(run, httpUrl());
      assertSavedWhole(run, httpsUrl());
      assertFalse(plain.getAllServeEvents().get(0).getRequest().containsHeader("Proxy-Authorization"));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aProxyAskingForCredentialsFailsSayingHowToGiveThem(Mode mode) throws Exception {
    try (TestProxy proxy = new TestProxy("pat:secret")) {
      RunFixture.Result run = run(mode, List.of(httpUrl(), httpsUrl()), through(proxy.address()));

      for (String url : List.of(httpUrl(), httpsUrl())) {
        UrlResult.Failed failed = (UrlResult.Failed) run.byUrl().get(url);
        assertTrue(failed.reason().contains("407 Proxy Authentication Required: the proxy asks for credentials"),
            url + ": " + failed.reason());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void hostsListedAsNoProxyAreReachedDirectly(Mode mode) throws Exception {
    try (TestProxy proxy = new TestProxy(null)) {
      RunFixture.Result run = run(mode, List.of(httpUrl(), httpsUrl()), through(proxy.address(), "127.0.0.1"));

      assertSavedWhole(run, httpUrl());
      assertSavedWhole(run, httpsUrl());
      assertEquals(List.of(), proxy.seen());
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aProxyThatIsNotThereIsNamedInTheReason(Mode mode) throws Exception {
    int closedPort;
    try (TestProxy gone = new TestProxy(null)) {
      closedPort = gone.port();
    }
    RunFixture.Result run = run(mode, List.of(httpUrl()), through("http://127.0.0.1:" + closedPort));

    assertEquals("cannot connect to the proxy 127.0.0.1:" + closedPort
        + ": connection refused (--proxy, or the *_proxy variables)", run.failed("/file.bin").reason());
  }
}
