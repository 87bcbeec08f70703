package dev.crawl.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crawl.core.UrlResult;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JDK client fails a request at once when its HTTP/2 connection has as many streams open as the
 * server allows, instead of queueing it (JDK-8225647). With no per-host cap and far more requests at
 * once than the server's limit, every URL must still be saved.
 */
class Http2StreamLimitInEveryModeTest {
  @TempDir Path tmp;

  private static final int STREAMS = 4;
  private static final int URLS = 60;
  private static TestCertificates tls;
  private static WireMockServer server;

  @BeforeAll
  static void start() throws Exception {
    tls = TestCertificates.shared();
    server = StreamLimitedServer.start(tls.good, STREAMS);
    // slow enough that many requests are open at once on the one connection
    server.stubFor(get(urlPathMatching("/f/.*")).willReturn(aResponse().withBody("x".repeat(1000)).withFixedDelay(50)));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void savesEveryUrlWhenFarMoreAreAskedAtOnceThanTheServerAllowsStreams(Mode mode) throws Exception {
    List<String> urls = IntStream.range(0, URLS)
        .mapToObj(i -> "https://127.0.0.1:" + server.httpsPort() + "/f/" + i).toList();

    // a worker process has one request open at a time, on a connection of its own: sixty JVMs on two
    // cores would test start-up, not streams
    int concurrency = mode == Mode.PROCESSES ? 6 : URLS;
    RunFixture.Result run = RunFixture.run(mode, concurrency, urls, tmp.resolve("out"),
        TestSettings.fast().withCaCertificate(tls.caPem.toString()));

    assertEquals(List.of(), run.all(UrlResult.Failed.class).stream().map(UrlResult.Failed::reason).toList());
    assertEquals(URLS, run.all(UrlResult.Saved.class).size());
  }
}
