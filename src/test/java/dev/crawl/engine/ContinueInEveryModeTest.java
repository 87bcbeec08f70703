package dev.crawl.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crawl.core.UrlResult;
import dev.crawl.fetch.FetchSettings;
import dev.crawl.fetch.body.Crc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code -C} in every mode: a download cut short keeps what arrived beside its final name, never
 * under it, and a later run asks for the rest with Range and If-Range; it starts over when the
 * server ignores ranges or the file changed, and the final name only ever holds the whole body.
 */
class ContinueInEveryModeTest {
  private static final byte[] BODY = new byte[300_000];
  private static final int CUT = 100_000;

  static {
    new Random(3).nextBytes(BODY);
  }

  @TempDir Path tmp;
  private RangeServer server;

  @BeforeEach
  void start() throws Exception {
    server = new RangeServer(BODY, "\"e1\"");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private Path out() {
    return tmp.resolve("out");
  }

  private Path saved() {
    return out().resolve("127.0.0.1_" + server.url().split(":")[2].split("/")[0]).resolve("file.bin");
  }

  private Path partial() {
    return saved().resolveSibling(".file.bin.partial");
  }

  private static FetchSettings once(boolean continuing) {
    return TestSettings.fast().withRetries(0).withContinuePartials(continuing);
  }

  /** A first run whose download is cut after {@link #CUT} bytes; returns how many it kept. */
  private long cutRun(Mode mode) throws Exception {
    server.cutNextAfter(CUT);
    UrlResult.Failed cut = RunFixture.run(mode, 1, List.of(server.url()), out(), once(false)).failed("/file.bin");
    assertFalse(Files.exists(saved()), "nothing under the final name");
    long kept = Files.size(partial());
    assertTrue(kept > 0 && kept <= CUT, "kept " + kept);
    assertTrue(cut.reason().contains(kept + " bytes kept"), cut.reason());
    return kept;
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCutDownloadIsContinuedFromWhereItStopped(Mode mode) throws Exception {
    long kept = cutRun(mode);

    UrlResult.Saved whole = RunFixture.run(mode, 1, List.of(server.url()), out(), once(true)).saved("/file.bin");

    assertEquals(206, whole.status());
    assertEquals(BODY.length, whole.bytes());
    assertArrayEquals(BODY, Files.readAllBytes(saved()));
    assertEquals(Crc.of(BODY), whole.crc32());
    assertEquals(new RangeServer.Asked("bytes=" + kept + "-", "\"e1\""), server.journal().get(1));
    assertFalse(Files.exists(partial()), "the kept part became the file");
    assertFalse(Files.exists(partial().resolveSibling(".file.bin.partial.json")));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aServerThatIgnoresRangesSendsTheWholeBodyWhichReplacesTheKeptPart(Mode mode) throws Exception {
    cutRun(mode);
    server.ignoringRanges();

    UrlResult.Saved whole = RunFixture.run(mode, 1, List.of(server.url()), out(), once(true)).saved("/file.bin");

    assertEquals(200, whole.status());
    assertArrayEquals(BODY, Files.readAllBytes(saved()));
    assertFalse(Files.exists(partial()));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aFileThatChangedSinceTheCutIsFetchedAnew(Mode mode) throws Exception {
    cutRun(mode);
    byte[] changed = new byte[250_000];
    new Random(4).nextBytes(changed);
    server.changeTo(changed, "\"e2\"");

    UrlResult.Saved whole = RunFixture.run(mode, 1, List.of(server.url()), out(), once(true)).saved("/file.bin");

    assertEquals(200, whole.status());
    assertArrayEquals(changed, Files.readAllBytes(saved()));
    assertEquals("\"e1\"", server.journal().get(1).ifRange(), "asked for the rest of the version it had");
    assertFalse(Files.exists(partial()));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRetryInTheSameRunContinuesTheCut(Mode mode) throws Exception {
    server.cutNextAfter(CUT);

    UrlResult.Saved whole = RunFixture.run(mode, 1, List.of(server.url()), out(),
        TestSettings.fast().withRetries(1).withContinuePartials(true)).saved("/file.bin");

    assertEquals(2, whole.attempts());
    assertArrayEquals(BODY, Files.readAllBytes(saved()));
    assertNull(server.journal().get(0).range());
    assertTrue(server.journal().get(1).range().startsWith("bytes="), server.journal().toString());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void withoutContinueTheWholeBodyIsFetchedAgain(Mode mode) throws Exception {
    cutRun(mode);

    RunFixture.run(mode, 1, List.of(server.url()), out(), once(false)).saved("/file.bin");

    assertNull(server.journal().get(1).range());
    assertArrayEquals(BODY, Files.readAllBytes(saved()));
  }
}
