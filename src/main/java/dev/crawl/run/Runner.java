package dev.crawl.run;

import dev.crawl.core.LinkCounts;
import dev.crawl.core.UrlResult;
import dev.crawl.crawl.LinkConverter;
import dev.crawl.engine.EngineStats;
import dev.crawl.fetch.Fetcher;
import dev.crawl.fetch.KeptCopies;
import dev.crawl.input.InputException;
import dev.crawl.input.InputSource;
import dev.crawl.report.FailureLog;
import dev.crawl.report.Progress;
import dev.crawl.report.Reports;
import dev.crawl.report.ResultsFile;
import dev.crawl.report.RunSummary;
import dev.crawl.report.RunTotals;
import dev.crawl.report.html.HtmlReports;
import dev.crawl.report.html.Timeline;
import dev.crawl.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs one plan: open the output and the job, execute it, wind down if a signal stopped it, then
 * summarise and write the reports. Everything a run counts belongs to the run (its {@link Job}, stop
 * token and thread peak), so runs one after another in a JVM share nothing.
 */
public final class Runner {
  private final InputStream stdin;
  private final PrintStream stdout;
  private final PrintStream stderr;

  public Runner(InputStream stdin, PrintStream stdout, PrintStream stderr) {
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * The outcome: the summary, why input reading stopped early if it did, whether a stop signal ended
   * it, and its failures grouped by reason.
   */
  public record Outcome(RunSummary summary, InputException inputFailure, boolean interrupted, FailureLog failures) {}

  /** What running the engine gave: its stats, and whether a stop signal cut it short. */
  private record Executed(EngineStats stats, LinkCounts links, long setupNanos, boolean stopped) {}

  /** How the job ended, with what it counted. */
  private record Ended(
      Executed executed, RunTotals totals, double wallSeconds, boolean interrupted, String signal,
      InputException inputFailure, long ofOtherShards) {}

  public Outcome run(RunPlan plan) throws InputException, IOException, InterruptedException {
    return run(plan, new StopToken(Thread.currentThread()));
  }

  /** @param stop this run's own stop, which a stop signal reaches while the run is on */
  Outcome run(RunPlan plan, StopToken stop) throws InputException, IOException, InterruptedException {
    for (InputSource source : plan.inputs()) {
      source.check();
    }
    Instant startedAt = Instant.now();
    long cpuBefore = processCpuNanos();
    Store store = openOutput(plan);
    ResumeIndex earlier = plan.earlier() == EarlierFiles.SKIP ? earlierRun(plan, store) : null;
    KeptCopies kept = plan.earlier() == EarlierFiles.REFRESH ? KeptIndex.load(plan.reportDir(), store) : KeptCopies.NONE;
    Timeline.Sampler timeline = new Timeline.Sampler();
    Display display = plan.display();
    FailureLog failures = new FailureLog(stderr, display.failures(), display.progress(), Display.SCREENFUL);
    Consumer<UrlResult> tap = result -> {
      timeline.add(result);
      failures.accept(result);
    };
    try (ThreadPeak threads = ThreadPeak.start()) {
      Ended ended;
      try (Job job = Job.open(plan, store, earlier, kept, tap, stdin, stdout, stderr);
          Interrupts.Watch watch = Interrupts.watch(stop)) {
        ended = windDown(job, execute(plan, job, stop), stop);
      }
      if (plan.crawl().convertLinks() && !ended.interrupted()) {
        convertLinks(plan, store);
      }
      double cpu = (processCpuNanos() - cpuBefore + ended.executed().stats().childCpuNanos()) / 1e9;
      RunSummary summary = summarise(plan, ended, startedAt, cpu, threads.added());
      Reports.writeJson(plan.reportDir().resolve(Reports.SUMMARY), summary);
      HtmlReports.writeRun(plan.reportDir(), summary, timeline.timeline());
      return new Outcome(summary, ended.inputFailure(), ended.interrupted(), failures);
    }
  }

  /**
   * The output directory, and with {@code --resume}, {@code -N} or {@code -C} the temporary files an
   * earlier run left there removed.
   */
  private Store openOutput(RunPlan plan) throws IOException {
    Files.createDirectories(plan.outputDir());
    Store store = new Store(plan.outputDir(), plan.store());
    // a temporary file is never anything to keep, whatever a run does with earlier files
    if (plan.earlier() != EarlierFiles.REPLACE || plan.fetch().continuePartials()) {
      int leftovers = store.removeLeftoverTemps();
      if (leftovers > 0) {
        stderr.printf("crawl: removed %d temporary files an earlier run left behind%n", leftovers);
      }
    }
    return store;
  }

  /** {@code --resume}: what the earlier run into this output saved, read before this run's report replaces it. */
  private ResumeIndex earlierRun(RunPlan plan, Store store) throws IOException {
    ResumeIndex earlier = ResumeIndex.load(plan.reportDir(), store);
    if (earlier.stale() > 0) {
      stderr.printf("crawl: --resume: %d files of the earlier run are gone or changed; fetching them again%n", earlier.stale());
    }
    return earlier;
  }

  /** Starts the clock and runs the engine until the frontier is done or a stop signal ends it. */
  private Executed execute(RunPlan plan, Job job, StopToken stop) throws IOException, InputException {
    // counting re-reads the list files: set-up work, done before the clock starts
    long total = plan.display().progress() ? InputSource.countUrlLines(plan.inputs()) : -1;
    long setupNanos = job.clock().restart();
    Progress progress =
        plan.display().progress()
            ? Progress.start(stderr, plan.mode().id(), total, plan.display().color(), plan.display().columns(),
                () -> job.recorder().snapshot(job.inFlight().now()))
            : null;
    stop.onStop(job.recorder()::stopping);
    try {
      EngineStats stats = job.runEngine();
      return new Executed(stats, job.links(), setupNanos, false);
    } catch (InterruptedException e) {
      return new Executed(job.stopDownloads(stop.signalName()), null, setupNanos, true);
    } finally {
      job.store().abortAll();
      if (progress != null) {
        job.recorder().drain(); // the last line counts every download that finished
        progress.close();
      }
    }
  }

  /** Closes the job, fetching side first, so that its totals count every download that reported. */
  private static Ended windDown(Job job, Executed executed, StopToken stop) throws IOException {
    job.closeFetching();
    // the signal may have landed in an interruptible read instead; the flag must not break the report
    boolean interrupted = executed.stopped() | Thread.interrupted() | stop.stopped();
    RunTotals totals = job.recorder().totals();
    job.close();
    return new Ended(executed, totals, job.clock().now() / 1e9, interrupted, stop.signalName(),
        interrupted ? null : job.inputFailure(), job.ofOtherShards());
  }

  /** {@code --convert-links}: every saved page's links made relative, for offline browsing. */
  private void convertLinks(RunPlan plan, Store store) throws IOException {
    int pages;
    try (Stream<UrlResult> results = ResultsFile.read(plan.reportDir().resolve(ResultsFile.NAME))) {
      pages = LinkConverter.convertAll(store, results, plan.crawl().bounds().maxParse());
    }
    stderr.printf("crawl: --convert-links: rewrote the links of %d pages for offline browsing%n", pages);
  }

  private static RunSummary summarise(RunPlan plan, Ended e, Instant startedAt, double cpu, int threadsAdded) {
    RunTotals totals = e.totals();
    EngineStats stats = e.executed().stats();
    double wall = e.wallSeconds();
    return new RunSummary(
        new RunSummary.Shape(plan.mode().id(), plan.effectiveConcurrency(), plan.fetch().perHost(), stats.scheduling(),
            Fetcher.describeExecutors(plan.fetch()), plan.fetch().transport().id()),
        new RunSummary.Results(totals.counts(), totals.bytes(), totals.contentDigest(), totals.hosts(),
            new java.util.TreeMap<>(totals.protocols())),
        new RunSummary.Speed(round(e.executed().setupNanos() / 1e9, 3), round(wall, 3), round(cpu, 3),
            round(wall > 0 ? totals.counts().saved() / wall : 0, 1), round(wall > 0 ? totals.bytes() / 1e6 / wall : 0, 2),
            totals.latency(), totals.histogram()),
        new RunSummary.Load(stats.peakInFlight(), threadsAdded, stats.processes(), stats.workerStarts()),
        new RunSummary.Context(plan.outputDir().toAbsolutePath().toString(), plan.reportDir().toAbsolutePath().toString(),
            startedAt.toString(), Runtime.version().toString(), exitReason(e, totals), plan.fetch().insecure()),
        e.executed().links(),
        new RunSummary.Part(plan.fleet().shard().isAll() ? null : plan.fleet().shard().toString(), e.ofOtherShards()));
  }

  private static String exitReason(Ended e, RunTotals totals) {
    if (e.interrupted()) {
      return "interrupted by " + e.signal() + ": " + totals.counts().interrupted()
          + " URLs not done; the rest of the input was not read";
    }
    return e.inputFailure() == null ? null : e.inputFailure().getMessage();
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
