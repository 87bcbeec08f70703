package dev.crawl.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crawl.core.UrlResult;
import dev.crawl.fetch.FetchSettings;
import dev.crawl.fetch.body.Crc;
import dev.crawl.store.Layout;
import dev.crawl.store.StoreOptions;
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
    assertEquals(List.of("file.bin"), namesBesideTheFile(), "what the earlier run kept went with the save");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aUrlSavedOnItsRetryLeavesNothingButItsFile(Mode mode) throws Exception {
    server.cutNextAfter(CUT);

    UrlResult.Saved whole = RunFixture.run(mode, 1, List.of(server.url()), out(),
        TestSettings.fast().withRetries(1)).saved("/file.bin");

    assertEquals(2, whole.attempts());
    assertArrayEquals(BODY, Files.readAllBytes(saved()));
    assertEquals(List.of("file.bin"), namesBesideTheFile());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void theReportSaysWhereACutBodyIsKeptAndHowBigItIs(Mode mode) throws Exception {
    server.cutNextAfter(CUT);

    UrlResult.Failed cut = RunFixture.run(mode, 1, List.of(server.url()), out(), once(false)).failed("/file.bin");

    assertEquals(out().relativize(partial()).toString(), cut.keptPath());
    assertEquals(Files.size(partial()), cut.keptBytes());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCutBodyWithoutAValidatorIsNotKeptForIfRangeCouldNotGuardIt(Mode mode) throws Exception {
    server.changeTo(BODY, null).cutNextAfter(CUT);

    UrlResult.Failed cut = RunFixture.run(mode, 1, List.of(server.url()), out(), once(false)).failed("/file.bin");

    assertEquals(List.of(), namesBesideTheFile());
    assertNull(cut.keptPath());
    assertFalse(cut.reason().contains("kept"), cut.reason());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCutBodyFromAServerThatRefusesRangesIsNotKept(Mode mode) throws Exception {
    server.ignoringRanges().cutNextAfter(CUT);

    RunFixture.run(mode, 1, List.of(server.url()), out(), once(false)).failed("/file.bin");

    assertEquals(List.of(), namesBesideTheFile());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void withNoKeepPartialNothingOfACutBodyStaysAndTheReasonSaysWhy(Mode mode) throws Exception {
    server.cutNextAfter(CUT);

    UrlResult.Failed cut = RunFixture.stored(mode, List.of(server.url()), out(), once(false),
        new StoreOptions(Layout.TREE, false, 0)).failed("/file.bin");

    assertEquals(List.of(), namesBesideTheFile());
    assertTrue(cut.reason().contains("not kept: --no-keep-partial"), cut.reason());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCutBodyPastTheRunsKeepLimitIsDroppedAndTheReasonNamesTheLimit(Mode mode) throws Exception {
    server.cutNextAfter(CUT);

    UrlResult.Failed cut = RunFixture.stored(mode, List.of(server.url()), out(), once(false),
        new StoreOptions(Layout.TREE, true, 1_000)).failed("/file.bin");

    assertEquals(List.of(), namesBesideTheFile());
    assertTrue(cut.reason().contains("--keep-partial-max 1000 bytes"), cut.reason());
  }

  /** Every name in the file's directory, hidden ones included; [] when the directory was never made. */
  private List<String> namesBesideTheFile() throws Exception {
    if (!Files.isDirectory(saved().getParent())) {
      return List.of();
    }
    try (var names = Files.list(saved().getParent())) {
      return names.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
