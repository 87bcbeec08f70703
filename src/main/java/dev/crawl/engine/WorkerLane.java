package dev.crawl.engine;

import dev.crawl.core.FetchResult;
import dev.crawl.core.FetchTimings;
import dev.crawl.core.RunClock;
import dev.crawl.core.Task;
import dev.crawl.core.UrlResult;
import dev.crawl.fetch.KeptCopies;
import dev.crawl.fetch.cookie.CookieJar;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * One lane of the process pool: keeps a worker alive, runs tasks on it one at a time, and replaces
 * it if it dies. A task whose worker died is tried once more on a fresh worker, then failed.
 */
final class WorkerLane {
  static final int TRIES_PER_TASK = 2;

  private final WorkerSpec spec;
  private final String name;
  private final RunClock clock;
  // the parent's: what every worker's servers set; null when the run keeps no cookies
  private final CookieJar cookies;
  // how much of the parent's jar this lane's worker has heard
  private int cookiesSent;
  private final KeptCopies kept;
  private volatile WorkerProcess worker;
  private volatile boolean stopped;
  private long cpuOfEnded;
  private int started;
  private final List<WorkerProcess.Started> ready = new ArrayList<>();

  WorkerLane(WorkerSpec spec, String name, RunClock clock, CookieJar cookies, KeptCopies kept) {
    this.spec = spec;
    this.kept = kept;
    this.name = name;
    this.clock = clock;
    this.cookies = cookies;
  }

  /**
   * Starts this lane's worker if it has none, before the task asks for a per-host slot: a JVM start
   * is neither time on the wire nor a wait for a slot, and a slot held meanwhile would idle. A
   * failure is left for {@link #run} to report.
   */
  void prepare() {
    try {
      ensureWorker();
    } catch (IOException e) {
      // run() tries again and reports it with the task
    }
  }

  /** @param asked when the task asked the parent for a per-host slot: the time until now was a wait */
  FetchResult run(Task task, long asked) {
    String lastProblem = "";
    long sent = clock.now();
    for (int attempt = 1; attempt <= TRIES_PER_TASK; attempt++) {
      try {
        ensureWorker();
      } catch (IOException e) {
        return stopped ? stopped(task) : failed(task, sent, "cannot start a worker process: " + e.getMessage());
      }
      try {
        List<CookieJar.Learned> news = cookies == null ? List.of() : cookies.since(cookiesSent);
        WorkerMessages.Reply reply = worker.call(WorkerMessages.Request.of(task, news, kept.of(task.url()),
            spec.names().apply(task.url())));
        cookiesSent += news.size();
        if (cookies != null && reply.cookies() != null) {
          reply.cookies().forEach(l -> cookies.store(URI.create(l.url()), l.setCookie()));
        }
        return reply.toResult(task, asked, sent, clock.now(), name);
      } catch (WorkerProcess.DiedException e) {
        lastProblem = e.getMessage();
        retire();
        if (stopped || Thread.currentThread().isInterrupted()) {
          return stopped(task);
        }
      }
    }
    return failed(task, sent, lastProblem + " while fetching (tried " + TRIES_PER_TASK + " workers)");
  }

  int processesStarted() {
    return started;
  }

  /** The workers of this lane that became ready, with how each started. */
  List<WorkerProcess.Started> starts() {
    return List.copyOf(ready);
  }

  /** Ends the worker and returns the CPU time all of this lane's workers used. */
  long close() {
    retire();
    return cpuOfEnded;
  }

  /** True once {@link #stop} was called: the lane takes no more tasks. */
  boolean stopping() {
    return stopped;
  }

  /** A task the run's stop signal ended before it finished; recorded as interrupted. */
  FetchResult stopped(Task task) {
    return failed(task, clock.now(), "stopped: the run was interrupted");
  }

  /**
   * Asks the worker to stop now (SIGTERM, so it can remove its temporary files), also one that is
   * still starting, and starts no other; any thread.
   */
  void stop() {
    stopped = true;
    WorkerProcess w = worker;
    if (w != null) {
      w.stop();
    }
  }

  private void ensureWorker() throws IOException {
    if (worker != null) {
      return;
    }
    if (stopped) {
      throw new IOException("the run is stopping");
    }
    WorkerProcess w = WorkerProcess.launch(spec);
    worker = w;
    cookiesSent = 0; // a new worker has heard nothing yet
    started++;
    if (stopped) {
      w.stop(); // stop() came between the check and the launch
    }
    try {
      ready.add(w.awaitReady());
    } catch (IOException e) {
      retire();
      throw e;
    }
  }

  private void retire() {
    if (worker != null) {
      cpuOfEnded += worker.cpuNanos();
      worker.close();
      worker = null;
    }
  }

  private FetchResult failed(Task task, long sent, String reason) {
    FetchTimings t = new FetchTimings(task.queuedNanos(), sent, -1, clock.now(), name);
    return new UrlResult.Failed(task, task.url(), 0, name + ": " + reason, 0, t);
  }
}
