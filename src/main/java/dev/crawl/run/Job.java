package dev.crawl.run;

import dev.crawl.archive.WarcArchive;
import dev.crawl.archive.WarcOptions;
import dev.crawl.core.LinkCounts;
import dev.crawl.core.ResultSink;
import dev.crawl.core.RunClock;
import dev.crawl.core.Task;
import dev.crawl.core.UrlResult;
import dev.crawl.crawl.PageReader;
import dev.crawl.crawl.RobotsCache;
import dev.crawl.crawl.Scope;
import dev.crawl.crawl.SideArchive;
import dev.crawl.crawl.Sitemaps;
import dev.crawl.engine.Engine;
import dev.crawl.engine.EngineContext;
import dev.crawl.engine.EngineStats;
import dev.crawl.engine.Mode;
import dev.crawl.engine.WorkerSpec;
import dev.crawl.fetch.Fetcher;
import dev.crawl.fetch.InFlight;
import dev.crawl.fetch.KeptCopies;
import dev.crawl.fetch.RedirectGate;
import dev.crawl.fetch.SideClient;
import dev.crawl.frontier.CrawlFrontier;
import dev.crawl.frontier.Frontier;
import dev.crawl.frontier.ListFrontier;
import dev.crawl.frontier.RedisFrontier;
import dev.crawl.input.InputException;
import dev.crawl.input.LineReader;
import dev.crawl.report.HandoffFile;
import dev.crawl.report.RunRecorder;
import dev.crawl.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The parts of one run, wired: its clock, the recorder, the frontier (a list, or a crawl over it),
 * the fetcher and the engine. Made for one run and closed with it. The fetching side (fetcher,
 * crawl frontier, robots.txt) closes first, so that the recorder's totals count every download.
 */
final class Job implements AutoCloseable {
  /** How long downloads stopped by a signal get to report before the partial report is written. */
  private static final long WIND_DOWN_MILLIS = 3000;

  private final RunClock clock = new RunClock();
  private final InFlight inFlight = new InFlight();
  private final RunPlan plan;
  private final Store store;
  private RunRecorder recorder;
  private ListFrontier list;
  // the fleet's frontier on Redis (--frontier), or null
  private RedisFrontier shared;
  private HandoffFile handoff;
  private RobotsCache robots;
  // the run's WARC (--warc), shared by the fetcher and robots.txt and sitemaps; in processes mode
  // the parent's own, for what it fetches itself (the workers archive the downloads); or null
  private WarcArchive archive;
  private CrawlFrontier crawl;
  // a crawl's scope, from its frontier (local or shared); null for a list
  private Scope scope;
  private Fetcher fetcher;
  private Engine engine;
  private boolean fetchingClosed;
  private boolean closed;

  private Job(RunPlan plan, Store store) {
    this.plan = plan;
    this.store = store;
  }

  static Job open(RunPlan plan, Store store, ResumeIndex earlier, KeptCopies kept, Consumer<UrlResult> tap,
      InputStream stdin, PrintStream stdout, PrintStream stderr) throws IOException, InterruptedException {
    Job job = new Job(plan, store);
    try {
      job.recorder = new RunRecorder(plan.reportDir(), stdout, plan.stdout(), plan.outputDir(), tap);
      List<URI> otherShards = new ArrayList<>();
      boolean crawls = plan.crawl().crawls();
      job.list = new ListFrontier(new LineReader(plan.inputs(), stdin), job.recorder, stderr, job.clock,
          earlier == null ? task -> null : earlier::skipIfSaved, plan.fleet().shard(),
          // a crawl's scope is the whole list's; a list run needs only their number
          crawls && !plan.fleet().shard().isAll() ? otherShards::add : url -> {});
      WarcOptions warc = plan.fetch().warc();
      boolean processes = plan.mode() == Mode.PROCESSES;
      // in processes mode the workers archive the downloads; the parent, what it fetches itself
      WarcOptions own = warc == null || (processes && !crawls) ? null : processes ? warc.forParent() : warc;
      job.archive = own == null ? null : WarcArchive.open(own, plan.fetch().userAgent());
      SideArchive side = own == null ? SideArchive.NONE : new SideWarc(job.archive, own.spool());
      job.robots = crawls && plan.crawl().robots()
          ? new RobotsCache(SideClient.of(plan.fetch()), plan.fetch().userAgent(), side)
          : null;
      if (plan.fleet().frontier() != null) {
        job.shared = RedisFrontier.connect(plan.fleet().frontier(), plan.fleet().lease(),
            new RedisFrontier.HostLimits(plan.fetch().perHost(), plan.fetch().rate()), job.clock);
        seed(job.list, job.shared, !plan.inputs().isEmpty(), crawls);
        if (crawls) {
          job.scope = job.shared.crawl(plan.crawl(), job.robots, job.recorder::accept);
        }
      } else if (crawls) {
        job.handoff = new HandoffFile(plan.reportDir());
        job.crawl = CrawlFrontier.startingWith(job.list, plan.crawl(), job.clock, job.robots, job.recorder::accept,
            plan.reportDir().resolve("frontier.spill"), new CrawlFrontier.Sharding(plan.fleet().shard(), otherShards, job.handoff));
        job.scope = job.crawl.scope();
        if (plan.crawl().sitemaps()) {
          job.crawl.readSitemaps(new Sitemaps(SideClient.of(plan.fetch()), plan.fetch().userAgent(), side,
              notice -> stderr.println("crawl: " + notice)), job.robots);
        }
      }
      // in processes mode the workers fetch, and archive, each into a WARC of its own
      job.fetcher = new Fetcher(processes ? plan.fetch().withWarc(null) : plan.fetch(), store, job.clock,
          job.scope == null ? RedirectGate.ANY : job.scope::refuseRedirect, job.inFlight, processes ? null : job.archive);
      job.engine = plan.mode().create(new EngineContext(job.fetcher, plan.effectiveConcurrency(), job.workers(),
          job.clock, job.inFlight, crawls ? new PageReader(store, plan.crawl().requisites(), plan.crawl().bounds().maxParse()) : UnaryOperator.identity(),
          kept));
      return job;
    } catch (IOException | InterruptedException | RuntimeException e) {
      job.close();
      throw e;
    }
  }

  /**
   * Puts this process's list into the shared frontier, in chunks, each URL once across the fleet;
   * invalid and duplicate lines are reported here as in any run. A process given no list only works.
   */
  private static void seed(ListFrontier list, RedisFrontier shared, boolean hasList, boolean crawls)
      throws InterruptedException {
    List<Task> chunk = new ArrayList<>();
    for (Task t; (t = list.next()) != null; ) {
      chunk.add(t);
      if (chunk.size() == 1000) {
        offer(shared, chunk, crawls);
        chunk.clear();
      }
    }
    offer(shared, chunk, crawls);
    if (hasList) {
      shared.seeded();
    }
  }

  private static void offer(RedisFrontier shared, List<Task> chunk, boolean crawls) {
    if (crawls) {
      shared.addStarts(chunk); // first: a process that finds the list in must find its scope too
    }
    shared.offer(chunk);
  }

  private WorkerSpec workers() {
    return plan.mode() == Mode.PROCESSES
        ? WorkerSpec.forThisJvm(plan.fetch(), store, plan.crawl(), scope == null ? null : scope.rules())
        : null;
  }

  RunClock clock() {
    return clock;
  }

  InFlight inFlight() {
    return inFlight;
  }

  Store store() {
    return store;
  }

  RunRecorder recorder() {
    return recorder;
  }

  /** Runs the engine until the frontier is done: every result recorded, and in a crawl, followed. */
  EngineStats runEngine() throws InterruptedException {
    if (shared != null) {
      return engine.run(shared, r -> {
        recorder.accept(r);
        // the record reaches the operating system before the fleet hears the URL is done: a
        // process killed in between leaves a lease to run out, not a URL missing from every report
        recorder.drain();
        shared.finished(r);
      });
    }
    Frontier tasks = crawl == null ? list : crawl;
    ResultSink sink = crawl == null ? recorder::accept : r -> {
      recorder.accept(r);
      crawl.finished(r);
    };
    return engine.run(tasks, sink);
  }

  /** Listed URLs left to the other shards. */
  long ofOtherShards() {
    return list == null ? 0 : list.ofOtherShards();
  }

  LinkCounts links() {
    if (shared != null) {
      return shared.links();
    }
    return crawl == null ? null : crawl.links();
  }

  /**
   * After a stop signal: closing the client ends every exchange in flight; their results arrive as
   * failures and are recorded as interrupted, for a bounded while.
   */
  EngineStats stopDownloads(String signal) {
    recorder.stopping();
    if (shared != null) {
      shared.stopping(); // what was under way goes back to the fleet, not down as done
    }
    fetcher.abort();
    long deadline = System.nanoTime() + WIND_DOWN_MILLIS * 1_000_000;
    while (inFlight.now() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException again) {
        break;
      }
    }
    return new EngineStats(inFlight.peak(), "interrupted by " + signal);
  }

  /** Why reading the input stopped early, if it did. */
  InputException inputFailure() {
    return list.failure();
  }

  /** Closes the fetcher, the crawl frontier and robots.txt, in that order; the cookies are saved first. */
  void closeFetching() throws IOException {
    if (fetchingClosed) {
      return;
    }
    fetchingClosed = true;
    String cookieFile = plan.fetch().saveCookies();
    if (fetcher != null && fetcher.cookies() != null && cookieFile != null) {
      // in processes mode too: the parent's jar heard from every worker
      fetcher.cookies().save(java.nio.file.Path.of(cookieFile));
    }
    try (WarcArchive a = archive;
        RobotsCache r = robots;
        HandoffFile h = handoff;
        RedisFrontier s = shared;
        CrawlFrontier c = crawl;
        Fetcher f = fetcher) {
      // closed by try-with-resources, last opened first
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try (RunRecorder r = recorder;
        ListFrontier l = list) {
      closeFetching();
    }
  }
}
