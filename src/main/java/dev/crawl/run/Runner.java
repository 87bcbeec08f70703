package dev.crawl.run;

import dev.crawl.engine.Engine;
import dev.crawl.engine.EngineContext;
import dev.crawl.engine.EngineStats;
import dev.crawl.fetch.InFlight;
import dev.crawl.engine.Mode;
import dev.crawl.engine.WorkerSpec;
import dev.crawl.fetch.Fetcher;
import dev.crawl.fetch.RedirectGate;
import dev.crawl.core.RunClock;
import dev.crawl.crawl.LinkConverter;
import dev.crawl.crawl.PageReader;
import dev.crawl.crawl.RobotsCache;
import dev.crawl.core.ResultSink;
import dev.crawl.frontier.CrawlFrontier;
import dev.crawl.frontier.Frontier;
import dev.crawl.frontier.ListFrontier;
import dev.crawl.input.InputException;
import dev.crawl.input.InputSource;
import dev.crawl.input.LineReader;
import dev.crawl.report.Progress;
import dev.crawl.report.Reports;
import dev.crawl.report.RunRecorder;
import dev.crawl.report.RunSummary;
import dev.crawl.report.RunTotals;
import dev.crawl.report.html.HtmlReports;
import dev.crawl.report.html.Timeline;
import dev.crawl.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.time.Instant;
import java.util.function.UnaryOperator;

/** Runs one plan: input → frontier → engine → fetcher → store → report. */
public final class Runner {
  private final InputStream stdin;
  private final PrintStream stdout;
  private final PrintStream stderr;

  public Runner(InputStream stdin, PrintStream stdout, PrintStream stderr) {
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** The outcome: the summary, why input reading stopped early if it did, and whether a stop signal ended it. */
  public record Outcome(RunSummary summary, InputException inputFailure, boolean interrupted) {}

  /** How long downloads stopped by a signal get to report before the partial report is written. */
  private static final long WIND_DOWN_MILLIS = 3000;

  public Outcome run(RunPlan plan) throws InputException, IOException, InterruptedException {
    for (InputSource source : plan.inputs()) {
      source.check();
    }
    Files.createDirectories(plan.outputDir());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int threadsBefore = threads.getThreadCount();
    threads.resetPeakThreadCount();
    long cpuBefore = processCpuNanos();
    Instant startedAt = Instant.now();
    RunClock clock = new RunClock();
    Store store = new Store(plan.outputDir());
    InFlight inFlight = new InFlight();
    EngineStats stats;
    long setupNanos;
    boolean interrupted = false;
    CrawlFrontier.LinkCounts links = null;
    RunTotals totals;
    InputException inputFailure;
    ResumeIndex earlier = plan.resume() ? ResumeIndex.load(plan.reportDir(), plan.outputDir()) : null;
    if (plan.resume()) {
      int leftovers = store.removeLeftoverTemps();
      if (leftovers > 0) {
        stderr.printf("crawl: --resume: removed %d temporary files an earlier run left behind%n", leftovers);
      }
    }
    if (earlier != null && earlier.stale() > 0) {
      stderr.printf("crawl: --resume: %d files of the earlier run are gone or changed; fetching them again%n", earlier.stale());
    }
    Timeline.Sampler timeline = new Timeline.Sampler();
    try (RunRecorder recorder = new RunRecorder(plan.reportDir(), stdout, plan.stdout(), plan.outputDir(), timeline::add);
        ListFrontier frontier =
            new ListFrontier(
                new LineReader(plan.inputs(), stdin), recorder, stderr, clock,
                earlier == null ? url -> false : earlier::contains)) {
      try (RobotsCache robots =
              plan.crawl().crawls() && plan.crawl().robots() ? new RobotsCache(plan.fetch().userAgent()) : null;
          CrawlFrontier crawl =
              plan.crawl().crawls()
                  ? CrawlFrontier.startingWith(
                      frontier, plan.crawl(), clock, robots, recorder::skipped, plan.reportDir().resolve("frontier.spill"))
                  : null;
          Fetcher fetcher =
              new Fetcher(plan.fetch(), store, clock,
                  crawl == null ? RedirectGate.ANY : crawl.scope()::refuseRedirect,
                  inFlight)) {
        WorkerSpec workers =
            plan.mode() == Mode.PROCESSES
                ? WorkerSpec.forThisJvm(plan.fetch(), plan.outputDir(), plan.crawl(), crawl == null ? null : crawl.scope().rules())
                : null;
        Frontier tasks = crawl == null ? frontier : crawl;
        ResultSink sink = crawl == null ? recorder : r -> {
          recorder.accept(r);
          crawl.finished(r);
        };
        Engine engine =
            plan.mode().create(new EngineContext(fetcher, plan.effectiveConcurrency(), workers, clock, inFlight,
                crawl == null ? UnaryOperator.identity() : new PageReader(plan.outputDir(), plan.crawl().requisites())));
        // counting re-reads the list files: set-up work, done before the clock starts
        long total = plan.display().progress() ? InputSource.countUrlLines(plan.inputs()) : -1;
        setupNanos = clock.restart();
        Progress progress =
            plan.display().progress()
                ? Progress.start(stderr, plan.mode().id(), total,
                    plan.display().color(), plan.display().columns(), () -> recorder.snapshot(inFlight.now()))
                : null;
        Interrupts.onStop(recorder::stopping);
        try {
          stats = engine.run(tasks, sink);
          links = crawl == null ? null : crawl.links();
        } catch (InterruptedException e) {
          interrupted = true;
          stats = windDown(recorder, fetcher, inFlight);
        } finally {
          Interrupts.onStop(() -> {});
          store.abortAll();
          if (progress != null) {
            recorder.drain(); // the last line counts every download that finished
            progress.close();
          }
        }
      }
      // the signal may have landed in an interruptible read instead; the flag must not break the report
      interrupted |= Thread.interrupted() || Interrupts.requested();
      totals = recorder.totals();
      inputFailure = interrupted ? null : frontier.failure();
    }
    double wall = clock.now() / 1e9;
    if (plan.crawl().convertLinks() && !interrupted) {
      int pages = LinkConverter.convertAll(plan.outputDir(), plan.reportDir().resolve(RunRecorder.JSONL));
      stderr.printf("crawl: --convert-links: rewrote the links of %d pages for offline browsing%n", pages);
    }
    double cpu = (processCpuNanos() - cpuBefore + stats.childCpuNanos()) / 1e9;
    RunSummary summary =
        new RunSummary(
            plan.mode().id(),
            plan.effectiveConcurrency(),
            plan.fetch().perHost(),
            stats.scheduling(),
            Fetcher.describeExecutors(),
            totals.counts(),
            totals.bytes(),
            round(setupNanos / 1e9, 3),
            round(wall, 3),
            round(cpu, 3),
            round(wall > 0 ? totals.counts().saved() / wall : 0, 1),
            round(wall > 0 ? totals.bytes() / 1e6 / wall : 0, 2),
            totals.latency(),
            totals.histogram(),
            stats.peakInFlight(),
            Math.max(0, threads.getPeakThreadCount() - threadsBefore),
            stats.processes(),
            totals.contentDigest(),
            plan.outputDir().toAbsolutePath().toString(),
            plan.reportDir().toAbsolutePath().toString(),
            startedAt.toString(),
            Runtime.version().toString(),
            interrupted
                ? "interrupted by " + Interrupts.signalName() + ": " + totals.counts().interrupted()
                    + " URLs not done; the rest of the input was not read"
                : inputFailure == null ? null : inputFailure.getMessage(),
            links,
            totals.hosts());
    Reports.writeJson(plan.reportDir().resolve(Reports.SUMMARY), summary);
    HtmlReports.writeRun(plan.reportDir(), summary, timeline.timeline());
    return new Outcome(summary, inputFailure, interrupted);
  }

  /**
   * After a stop signal: closing the client ends every exchange in flight; their results arrive as
   * failures and are recorded as interrupted, for a bounded while.
   */
  private static EngineStats windDown(RunRecorder recorder, Fetcher fetcher, InFlight inFlight) {
    recorder.stopping();
    fetcher.abort();
    long deadline = System.nanoTime() + WIND_DOWN_MILLIS * 1_000_000;
    while (inFlight.now() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException again) {
        break;
      }
    }
    return new EngineStats(inFlight.peak(), 0, 0, "interrupted by " + Interrupts.signalName());
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  static double round(double v, int places) {
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }
}
