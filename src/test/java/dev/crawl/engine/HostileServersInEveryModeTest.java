package dev.crawl.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crawl.core.UrlResult;
import dev.crawl.fetch.FetchSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a hostile server sends cannot exhaust the machine: each size it controls meets a bound, the
 * URL fails with that bound named, nothing of it is left on disk, and its neighbours are saved.
 * The bounds are lowered here so that each bomb stays small on the wire and quick to defuse.
 */
class HostileServersInEveryModeTest {
  private static final int MiB = 1 << 20;

  @TempDir Path tmp;
  private WireMockServer wm;

  @BeforeEach
  void startServer() {
    wm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true));
    wm.start();
    wm.stubFor(get("/neighbour").willReturn(aResponse().withBody("still fine")));
  }

  @AfterEach
  void stopServer() {
    wm.stop();
  }

  static Stream<Arguments> everyModeAndCoding() {
    return Arrays.stream(Mode.values()).flatMap(m -> Stream.of("gzip", "deflate", "br", "zstd", "gzip, gzip", "gzip, br")
        .map(c -> Arguments.of(m, c)));
  }

  @ParameterizedTest
  @MethodSource("everyModeAndCoding")
  void aDecompressionBombFailsAtTheDecodedBoundAndLeavesNothing(Mode mode, String coding) throws Exception {
    byte[] bomb = Bombs.zeros(coding, 16 * MiB);
    wm.stubFor(get("/bomb").willReturn(aResponse().withHeader("Content-Encoding", coding).withBody(bomb)));

    RunFixture.Result run = run(mode, List.of(url("/bomb"), url("/neighbour")), TestSettings.fast().withMaxDecoded(MiB));

    UrlResult.Failed r = run.failed("/bomb");
    assertTrue(r.reason().startsWith("decoded body over 1.0 MiB from "), r.reason());
    assertTrue(r.reason().endsWith("sent: decompression bomb? --max-decoded SIZE raises the limit"), r.reason());
    run.saved("/neighbour");
    assertOnlyTheNeighbourOnDisk();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aBodySentUncompressedIsNotBoundByTheDecodedLimit(Mode mode) throws Exception {
    wm.stubFor(get("/iso").willReturn(aResponse().withBody(new byte[2 * MiB])));

    RunFixture.Result run = run(mode, List.of(url("/iso")), TestSettings.fast().withMaxDecoded(MiB));

    assertEquals(2 * MiB, run.saved("/iso").bytes());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void maxDecodedZeroDecodesACompressedBodyWhole(Mode mode) throws Exception {
    wm.stubFor(get("/big.gz").willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(Bombs.zeros("gzip", 2 * MiB))));

    RunFixture.Result run = run(mode, List.of(url("/big.gz")), TestSettings.fast().withMaxDecoded(0));

    assertEquals(2 * MiB, run.saved("/big.gz").bytes());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void maxSizeWhenGivenIsTheBoundOfACompressedBody(Mode mode) throws Exception {
    wm.stubFor(get("/big.gz").willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(Bombs.zeros("gzip", 2 * MiB))));

    RunFixture.Result run = run(mode, List.of(url("/big.gz")), TestSettings.fast().withMaxDecoded(MiB).withMaxBytes(4 * MiB));

    assertEquals(2 * MiB, run.saved("/big.gz").bytes());
  }

  private void assertOnlyTheNeighbourOnDisk() throws Exception {
    List<Path> files = RunFixture.filesUnder(tmp.resolve("out")).stream()
        .filter(p -> !p.startsWith(tmp.resolve("out/.crawl")))
        .toList();
    assertEquals(List.of(tmp.resolve("out/127.0.0.1_" + wm.port() + "/neighbour")), files);
  }

  private RunFixture.Result run(Mode mode, List<String> urls, FetchSettings settings) throws Exception {
    return RunFixture.run(mode, 2, urls, tmp.resolve("out"), settings);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + wm.port() + path;
  }
}
