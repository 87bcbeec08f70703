package dev.crawl.run;

import dev.crawl.core.LinkCounts;
import dev.crawl.core.UrlResult;
import dev.crawl.crawl.LinkConverter;
import dev.crawl.engine.EngineStats;
import dev.crawl.fetch.Fetcher;
import dev.crawl.input.InputException;
import dev.crawl.input.InputSource;
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

  /** The outcome: the summary, why input reading stopped early if it did, and whether a stop signal ended it. */
  public record Outcome(RunSummary summary, InputException inputFailure, boolean interrupted) {}

  /** How the execution ended, with what the job counted. */
  private record Ended(
      EngineStats stats, RunTotals totals, LinkCounts links, long setupNanos, double wallSeconds,
      boolean interrupted, String signal, InputException inputFailure) {}

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
    Timeline.Sampler timeline = new Timeline.Sampler();
    Store store = openOutput(plan);
    Ended ended;
    try (ThreadPeak threads = ThreadPeak.start()) {
      ended = execute(plan, store, timeline, stop);
      if (plan.crawl().convertLinks() && !ended.interrupted()) {
        convertLinks(plan, store);
      }
      double cpu = (processCpuNanos() - cpuBefore + ended.stats().childCpuNanos()) / 1e9;
      RunSummary summary = summarise(plan, ended, startedAt, cpu, threads.added());
      Reports.writeJson(plan.reportDir().resolve(Reports.SUMMARY), summary);
      HtmlReports.writeRun(plan.reportDir(), summary, timeline.timeline());
      return new Outcome(summary, ended.inputFailure(), ended.interrupted());
    }
  }

  /** The output directory, and with {@code --resume} what an earlier run left half-written there removed. */
  private Store openOutput(RunPlan plan) throws IOException {
    Files.createDirectories(plan.outputDir());
    Store store = new Store(plan.outputDir());
    if (plan.resume()) {
      int leftovers = store.removeLeftoverTemps();
      if (leftovers > 0) {
        stderr.printf("crawl: --resume: removed %d temporary files an earlier run left behind%n", leftovers);
      }
    }
    return store;
  }

  /** Opens the job, runs the engine over it until the frontier is done or a signal stops it. */
  private Ended execute(RunPlan plan, Store store, Timeline.Sampler timeline, StopToken stop)
      throws InputException, IOException, InterruptedException {
    ResumeIndex earlier = plan.resume() ? ResumeIndex.load(plan.reportDir(), store) : null;
    if (earlier != null && earlier.stale() > 0) {
      stderr.printf("crawl: --resume: %d files of the earlier run are gone or changed; fetching them again%n", earlier.stale());
    }
    EngineStats stats;
    LinkCounts links = null;
    long setupNanos;
    boolean interrupted = false;
    try (Job job = Job.open(plan, store, earlier, timeline::add, stdin, stdout, stderr);
        Interrupts.Watch watch = Interrupts.watch(stop)) {
      // counting re-reads the list files: set-up work, done before the clock starts
      long total = plan.display().progress() ? InputSource.countUrlLines(plan.inputs()) : -1;
      setupNanos = job.clock().restart();
      Progress progress =
          plan.display().progress()
              ? Progress.start(stderr, plan.mode().id(), total, plan.display().color(), plan.display().columns(),
                  () -> job.recorder().snapshot(job.inFlight().now()))
              : null;
      stop.onStop(job.recorder()::stopping);
      try {
        stats = job.runEngine();
        links = job.links();
      } catch (InterruptedException e) {
        interrupted = true;
        stats = job.windDown(stop.signalName());
      } finally {
        store.abortAll();
        if (progress != null) {
          job.recorder().drain(); // the last line counts every download that finished
          progress.close();
        }
      }
      job.closeFetching();
      // the signal may have landed in an interruptible read instead; the flag must not break the report
      interrupted |= Thread.interrupted() | stop.stopped();
      RunTotals totals = job.recorder().totals();
      job.close();
      return new Ended(stats, totals, links, setupNanos, job.clock().now() / 1e9, interrupted, stop.signalName(),
          interrupted ? null : job.inputFailure());
    }
  }

  /** {@code --convert-links}: every saved page's links made relative, for offline browsing. */
  private void convertLinks(RunPlan plan, Store store) throws IOException {
    int pages;
    try (Stream<UrlResult> results = ResultsFile.read(plan.reportDir().resolve(ResultsFile.NAME))) {
      pages = LinkConverter.convertAll(store, results);
    }
    stderr.printf("crawl: --convert-links: rewrote the links of %d pages for offline browsing%n", pages);
  }

  private static RunSummary summarise(RunPlan plan, Ended e, Instant startedAt, double cpu, int threadsAdded) {
    RunTotals totals = e.totals();
    double wall = e.wallSeconds();
    return new RunSummary(
        plan.mode().id(),
        plan.effectiveConcurrency(),
        plan.fetch().perHost(),
        e.stats().scheduling(),
        Fetcher.describeExecutors(),
        totals.counts(),
        totals.bytes(),
        round(e.setupNanos() / 1e9, 3),
        round(wall, 3),
        round(cpu, 3),
        round(wall > 0 ? totals.counts().saved() / wall : 0, 1),
        round(wall > 0 ? totals.bytes() / 1e6 / wall : 0, 2),
        totals.latency(),
        totals.histogram(),
        e.stats().peakInFlight(),
        threadsAdded,
        e.stats().processes(),
        totals.contentDigest(),
        plan.outputDir().toAbsolutePath().toString(),
        plan.reportDir().toAbsolutePath().toString(),
        startedAt.toString(),
        Runtime.version().toString(),
        e.interrupted()
            ? "interrupted by " + e.signal() + ": " + totals.counts().interrupted()
                + " URLs not done; the rest of the input was not read"
            : e.inputFailure() == null ? null : e.inputFailure().getMessage(),
        e.links(),
        totals.hosts());
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
