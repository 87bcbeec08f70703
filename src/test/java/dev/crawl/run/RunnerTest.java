package dev.crawl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crawl.demo.DemoServer;
import dev.crawl.demo.SiteContent;
import dev.crawl.engine.Mode;
import dev.crawl.fetch.FetchSettings;
import dev.crawl.input.InputSource;
import dev.crawl.report.StdoutFormat;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs one after another in a JVM share nothing: a stop signal belongs to the run it stopped. */
class RunnerTest {
  @TempDir Path tmp;

  private final Runner runner =
      new Runner(new ByteArrayInputStream(new byte[0]), new PrintStream(OutputStream.nullOutputStream()),
          new PrintStream(OutputStream.nullOutputStream()));

  private RunPlan plan(DemoServer server, String name) throws Exception {
    Path list = tmp.resolve(name + ".txt");
    Files.writeString(list, server.urlList());
    return new RunPlan(Mode.ASYNC, 4, List.of(InputSource.of(list.toString())), tmp.resolve(name), null,
        StdoutFormat.NONE, Display.NONE, EarlierFiles.REPLACE, FetchSettings.DEFAULTS.withPerHost(0));
  }

  @Test
  void aRunAfterOneAStopSignalEndedIsNotMarkedInterrupted() throws Exception {
    Runner.Outcome stopped;
    try (DemoServer slow = DemoServer.start(0, new SiteContent(8), 20_000, 0)) {
      StopToken stop = new StopToken(Thread.currentThread());
      RunPlan plan = plan(slow, "stopped");
      // the run needs the test's thread as its own: the stop interrupts it, as a signal would
      CompletableFuture<Void> signal = CompletableFuture.runAsync(() -> {
        try {
          assertTrue(slow.awaitRequests(4, Duration.ofSeconds(60)), "the downloads never started");
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        stop.stop("SIGTERM");
      });
      stopped = runner.run(plan, stop);
      signal.get(60, TimeUnit.SECONDS);
    }
    Thread.interrupted(); // the stop may land after the run noticed it had ended

    assertTrue(stopped.interrupted());
    assertTrue(stopped.summary().exitReason().startsWith("interrupted by SIGTERM"), stopped.summary().exitReason());
    assertTrue(stopped.summary().counts().interrupted() > 0);

    try (DemoServer fast = DemoServer.start(0, new SiteContent(8), 0, 0)) {
      Runner.Outcome next = runner.run(plan(fast, "next"));

      assertFalse(next.interrupted());
      assertNull(next.summary().exitReason());
      assertEquals(8, next.summary().counts().saved());
    }
  }
}
