package dev.crawl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crawl.core.UrlResult;
import dev.crawl.fetch.FetchSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A dead URL holds a run for a bounded time: a silent server costs a full timeout per attempt, so
 * it is retried at most --timeout-retries times, whatever --retries allows.
 */
class DeadUrlsInEveryModeTest {
  @TempDir Path tmp;
  private RawServer server;

  @BeforeEach
  void start() throws Exception {
    server = RawServer.withHealthyFile();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aServerThatNeverAnswersIsTriedTwiceNotFourTimes(Mode mode) throws Exception {
    server.silent("/dead");
    FetchSettings s = TestSettings.fast().withRetries(3).withTimeoutRetries(1).withResponseTimeout(Duration.ofMillis(700));

    UrlResult.Failed dead = runAlongsideAHealthyUrl(mode, s);

    assertTrue(dead.reason().contains("timed out waiting for response headers"), dead.reason());
    assertEquals(2, dead.attempts());
    assertEquals(2, server.requests("/dead"));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aServerThatStallsAfterItsHeadersIsTriedTwice(Mode mode) throws Exception {
    server.stall("/dead", "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nonly the start");
    FetchSettings s = TestSettings.fast().withRetries(3).withTimeoutRetries(1).withIdleTimeout(Duration.ofMillis(700));

    UrlResult.Failed dead = runAlongsideAHealthyUrl(mode, s);

    assertTrue(dead.reason().contains("--idle-timeout"), dead.reason());
    assertEquals(2, dead.attempts());
    assertEquals(2, server.requests("/dead"));
  }

  @Test
  void withTheDefaultsNoDeadUrlHoldsARunForMoreThanAMinute() {
    FetchSettings defaults = FetchSettings.DEFAULTS;

    assertTrue(defaults.deadUrlWorstCase().compareTo(Duration.ofSeconds(60)) <= 0, defaults.deadUrlWorstCase().toString());
    assertEquals(Duration.ofSeconds(30), defaults.silentUrlGivenUpAfter());
  }

  private UrlResult.Failed runAlongsideAHealthyUrl(Mode mode, FetchSettings settings) throws Exception {
    RunFixture.Result run =
        // one lane, dead URL first: a cold client pays its warm-up there, never on the healthy URL
        RunFixture.run(mode, 1, List.of(server.url("/dead"), server.url("/healthy")), tmp.resolve("out"), settings);
    run.saved("/healthy");
    return run.failed("/dead");
  }
}
