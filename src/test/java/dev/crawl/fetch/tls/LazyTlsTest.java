package dev.crawl.fetch.tls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** The trust store is a cost only an https URL should pay: a worker process fetching http never loads it. */
class LazyTlsTest {

  @Test
  void aClientThatFetchesOnlyHttpNeverLoadsTheContext() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    SSLContext lazy = counting(loads);
    WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    try (HttpClient client = HttpClient.newBuilder().sslContext(lazy).sslParameters(LazyTls.parameters()).build()) {
      server.stubFor(get("/plain").willReturn(aResponse().withBody("plain")));

      HttpResponse<String> r = client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/plain")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertEquals("plain", r.body());
      assertEquals(0, loads.get());
    } finally {
      server.stop();
    }
  }

  @Test
  void theFirstTlsEngineLoadsTheContextOnceForAll() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    SSLContext lazy = counting(loads);

    lazy.createSSLEngine("127.0.0.1", 443);
    lazy.createSSLEngine("127.0.0.1", 443);

    assertEquals(1, loads.get());
  }

  private static SSLContext counting(AtomicInteger loads) {
    return LazyTls.of(() -> {
      loads.incrementAndGet();
      return Tls.systemTrust();
    });
  }

  @Test
  void theParametersNameTheTlsVersionsTheClientNeedsToOfferHttp2() {
    // with no protocols named, the JDK client silently keeps to HTTP/1.1 (HttpConnection.hasRequiredHTTP2TLSVersion)
    assertEquals(java.util.List.of("TLSv1.3", "TLSv1.2"), java.util.List.of(LazyTls.parameters().getProtocols()));
  }
}
