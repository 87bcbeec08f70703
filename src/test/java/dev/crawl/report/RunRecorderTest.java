package dev.crawl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawl.core.Discovered;
import dev.crawl.core.FetchResult;
import dev.crawl.core.FetchTimings;
import dev.crawl.core.Task;
import dev.crawl.core.UrlResult;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecorderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  @Test
  void everyResultHandedInFromManyThreadsIsCountedAndWrittenOnce() throws Exception {
    int threads = 8;
    int each = 500;
    try (RunRecorder recorder = new RunRecorder(tmp.resolve(".crawl"), silent(), StdoutFormat.NONE, tmp)) {
      List<Thread> started = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int base = t * each;
        started.add(Thread.ofPlatform().start(() -> {
          for (int i = 0; i < each; i++) {
            recorder.accept(saved(base + i));
          }
        }));
      }
      for (Thread t : started) {
        t.join();
      }
      RunTotals totals = recorder.totals();
      assertEquals(threads * each, totals.counts().saved());
      assertEquals(threads * each * 10L, totals.bytes());
    }
    try (var lines = Files.lines(tmp.resolve(".crawl").resolve(ResultsFile.NAME))) {
      assertEquals(threads * each, lines.distinct().count());
    }
  }

  @Test
  void aFinishedDownloadDoesNotWaitForAStalledStdout() throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    // a pipeline consumer that has not read yet: every write blocks until it does
    PrintStream stalled = new PrintStream(new OutputStream() {
      @Override
      public void write(int b) {
        awaitQuietly(reading);
        printed.write(b);
      }
    }, false, StandardCharsets.UTF_8);
    try (RunRecorder recorder = new RunRecorder(tmp.resolve(".crawl"), stalled, StdoutFormat.JSONL, tmp)) {
      assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
        for (int i = 0; i < 3; i++) {
          recorder.accept(saved(i));
        }
      }, "accept() waited for stdout");
      reading.countDown();
      assertEquals(3, recorder.totals().counts().saved());
    }
    assertEquals(3, printed.toString(StandardCharsets.UTF_8).lines().count());
  }

  @Test
  void resultsThatArriveAfterCtrlCAreRecordedAsInterrupted() throws Exception {
    try (RunRecorder recorder = new RunRecorder(tmp.resolve(".crawl"), silent(), StdoutFormat.NONE, tmp)) {
      recorder.accept(saved(1));
      recorder.stopping();
      recorder.accept(new UrlResult.Failed(task(2), task(2).url(), 0, "aborted", 1, timings()));
      Counts counts = recorder.totals().counts();
      assertEquals(1, counts.saved());
      assertEquals(1, counts.interrupted());
      assertEquals(0, counts.failed());
    }
  }

  @Test
  void latencyLeavesOutTheWaitForAPerHostSlot() throws Exception {
    try (RunRecorder recorder = new RunRecorder(tmp.resolve(".crawl"), silent(), StdoutFormat.NONE, tmp)) {
      Task task = task(1);
      // started at 0, waited 500 ms for a slot, finished at 600 ms: 100 ms on the wire
      FetchTimings waited = new FetchTimings(0, 0, 550_000_000, 600_000_000, "slot-1", 500_000_000);
      recorder.accept(new UrlResult.Saved(task, task.url(), 200, 1, waited,
          new UrlResult.StoredFile(10, "h/1", "00000001"),
          new UrlResult.Served(null, null, dev.crawl.core.Validators.NONE), Discovered.NONE));

      Latency latency = recorder.totals().latency();

      assertEquals(100, latency.p50(), 1);
    }
    String line = Files.readAllLines(tmp.resolve(".crawl").resolve(ResultsFile.NAME)).get(0);
    assertTrue(line.contains("\"waitMs\":500.0"), line);
  }

  @Test
  void theTimelineTapSeesWhatResultsJsonlHolds() throws Exception {
    List<UrlResult> tapped = new ArrayList<>();
    try (RunRecorder recorder =
        new RunRecorder(tmp.resolve(".crawl"), silent(), StdoutFormat.NONE, tmp, tapped::add)) {
      recorder.accept(saved(1));
      recorder.accept(new UrlResult.Failed(task(2), task(2).url(), 503, "HTTP 503", 2,
          new FetchTimings(0, 1_234_567, 2_345_678, 3_456_789, "slot-2", 1_000_001)));
      recorder.accept(new UrlResult.Duplicate(URI.create("http://h/1"), "list:3"));
      recorder.drain();
    }
    List<String> written = Files.readAllLines(tmp.resolve(".crawl").resolve(ResultsFile.NAME));
    assertEquals(3, tapped.size());
    assertEquals(written, tapped.stream().map(ResultsFile::line).toList());
  }

  private static FetchResult saved(int i) {
    Task task = task(i);
    return new UrlResult.Saved(task, task.url(), 200, 1, timings(),
        new UrlResult.StoredFile(10, "h/" + i, "0000000" + (i % 10)),
        new UrlResult.Served(null, null, dev.crawl.core.Validators.NONE), Discovered.NONE);
  }

  private static Task task(int i) {
    return new Task(i + 1, URI.create("http://h/" + i), "list:" + (i + 1), 0);
  }

  private static FetchTimings timings() {
    return new FetchTimings(0, 1_000, 2_000, 3_000, "slot-1");
  }

  private static PrintStream silent() {
    return new PrintStream(OutputStream.nullOutputStream());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
