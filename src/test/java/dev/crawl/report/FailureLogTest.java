package dev.crawl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crawl.core.FetchTimings;
import dev.crawl.core.Task;
import dev.crawl.core.UrlResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FailureLogTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private FailureLog log(boolean echo, int screenful) {
    return new FailureLog(new PrintStream(err, true, StandardCharsets.UTF_8), echo, false, screenful);
  }

  private static UrlResult.Failed failed(int n, String reason) {
    URI url = URI.create("http://127.0.0.1/" + n);
    return new UrlResult.Failed(new Task(n, url, "args:1", 0), url, 0, reason, 1, new FetchTimings(0, 0, -1, 0, "main"));
  }

  private String printed() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void eachFailureIsOneLineWithItsUrlAndTheReportsReason() {
    FailureLog log = log(true, 20);

    log.accept(failed(1, "HTTP 404 Not Found"));

    assertEquals("crawl: http://127.0.0.1/1: HTTP 404 Not Found" + System.lineSeparator(), printed());
  }

  @Test
  void pastAScreenfulFailuresAreCountedNotPrinted() {
    FailureLog log = log(true, 2);

    for (int i = 1; i <= 5; i++) {
      log.accept(failed(i, "HTTP 503 Service Unavailable"));
    }

    assertEquals(3, printed().lines().count(), printed());
    assertTrue(printed().lines().toList().get(2).contains("more failures"), printed());
    assertEquals("failed: 5 × HTTP 503 Service Unavailable", log.grouped());
  }

  @Test
  void quietPrintsNothingButStillGroups() {
    FailureLog log = log(false, 20);

    log.accept(failed(1, "HTTP 404 Not Found"));

    assertEquals("", printed());
    assertEquals("failed: 1 × HTTP 404 Not Found", log.grouped());
  }

  @Test
  void reasonsAreGroupedByWhatHappenedMostFrequentFirst() {
    FailureLog log = log(false, 20);

    log.accept(failed(1, "cannot connect to 127.0.0.1:1: connection refused"));
    log.accept(failed(2, "HTTP 404 Not Found (after 2 attempts)"));
    log.accept(failed(3, "HTTP 404 Not Found"));
    log.accept(failed(4, "HTTP 401 Unauthorized: the server refused the credentials sent"));

    assertEquals("failed: 2 × HTTP 404 Not Found, 1 × connection refused, 1 × HTTP 401 Unauthorized", log.grouped());
  }

  @Test
  void aRunOfManyDistinctReasonsStaysOneLine() {
    FailureLog log = log(false, 20);

    for (int i = 0; i < FailureLog.MAX_GROUPS + 5; i++) {
      log.accept(failed(i, "odd reason number " + i));
    }

    assertTrue(log.grouped().endsWith("5 × other reasons"), log.grouped());
  }

  @Test
  void nothingFailedIsNoLine() {
    assertNull(log(true, 20).grouped());
    assertNull(log(true, 20).kept());
  }

  @Test
  void keptCutBodiesAreCountedWithTheirSize() {
    FailureLog log = log(false, 20);
    URI url = URI.create("http://127.0.0.1/big");
    Task task = new Task(1, url, "args:1", 0);

    log.accept(new UrlResult.Failed(task, url, 200, "cut", 1, new FetchTimings(0, 0, -1, 0, "main"),
        "127.0.0.1/.big.partial", 3L << 29));

    assertEquals("kept 1 cut body (1.5 GiB) for -C; --no-keep-partial drops them", log.kept());
  }

  @Test
  void otherResultsAreNotFailures() {
    FailureLog log = log(true, 20);

    log.accept(new UrlResult.Duplicate(URI.create("http://127.0.0.1/d"), "args:2"));

    assertFalse(printed().contains("crawl:"));
    assertNull(log.grouped());
  }
}
