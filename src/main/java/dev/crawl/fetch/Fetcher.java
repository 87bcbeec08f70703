package dev.crawl.fetch;

import dev.crawl.archive.WarcArchive;
import dev.crawl.core.FetchResult;
import dev.crawl.core.RunClock;
import dev.crawl.core.Task;
import dev.crawl.fetch.auth.BasicAuth;
import dev.crawl.fetch.cookie.CookieJar;
import dev.crawl.fetch.net.HostLimiter;
import dev.crawl.fetch.net.RatePacer;
import dev.crawl.fetch.transport.Transport;
import dev.crawl.fetch.transport.TransportSettings;
import dev.crawl.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one fetch path every mode shares: request, redirects, retries, timeouts, decoding, saving.
 * It is asynchronous at heart; blocking modes simply wait on the future, which is all {@code
 * HttpClient.send} does internally, so the modes differ only in scheduling.
 *
 * <p>Executors are chosen on purpose so a comparison measures what it says: the client and every
 * dependent stage run on one cached pool of platform threads ({@code http-N}), timeouts on one
 * timer thread; nothing runs on the common ForkJoin pool. Cached rather than fixed: a task that
 * blocks briefly on disk must not queue the protocol work of other connections behind it. Measured
 * at 1,000 URLs, 100 at once, 100 ms each: median latency 103–105 ms, against 112–126 ms for a
 * fixed pool of two and 108–112 ms for sixteen. It is also the kind of pool the JDK client uses by
 * default. It grows under bursts of responses (40–80 threads there, 140–160 at 1,000 at once); the
 * summary reports the peak. A work-stealing pool of four stayed at 6 threads and won at 1,000 at
 * once (async 0.53 s against 0.64–0.71), but lost at 100 at once in single runs (virtual 1.45–1.67 s
 * against 1.27–1.31), the case the benchmarks target.
 */
public final class Fetcher implements AutoCloseable {
  static {
    // credentials in a proxy's address are sent as curl sends them: Basic, on the CONNECT of an
    // HTTPS tunnel too, which the JDK refuses by default; read once, before its client first loads
    if (System.getProperty("jdk.http.auth.tunneling.disabledSchemes") == null) {
      System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
    }
  }

  final FetchSettings settings;
  final Store store;
  final RunClock clock;
  final ExecutorService executor;
  final ScheduledThreadPoolExecutor timer;
  final Transport transport;
  final HostLimiter limiter;
  final BasicAuth auth;
  // null without a jar (--no-cookies)
  final CookieJar cookies;
  final RatePacer pacer;
  final RedirectGate gate;
  final InFlight inFlight;
  // where every exchange is archived (--warc), or null
  final WarcArchive archive;
  final Path spool;
  // false when the run's archive was handed in: its owner closes it
  private final boolean ownsArchive;
  private volatile boolean aborting;

  /**
   * @param gate which redirects a task may follow
   * @param inFlight counts downloads from their first request on, for the report and progress line
   */
  public Fetcher(
      FetchSettings settings, Store store, RunClock clock, RedirectGate gate, InFlight inFlight) throws IOException {
    this(settings, store, clock, gate, inFlight, null);
  }

  /**
   * @param shared the run's archive, which its owner closes, for the downloads to be archived in
   *     beside what the run fetches for itself; null to open the settings' own ({@code --warc})
   */
  public Fetcher(FetchSettings settings, Store store, RunClock clock, RedirectGate gate, InFlight inFlight,
      WarcArchive shared) throws IOException {
    // first: these read files and may fail, and nothing is started yet
    this.auth = BasicAuth.of(settings.credentials(), settings.netrcFile());
    this.cookies = settings.cookies() ? new CookieJar() : null;
    if (cookies != null && settings.loadCookies() != null) {
      cookies.load(Path.of(settings.loadCookies()));
    }
    this.ownsArchive = shared == null;
    this.archive = shared != null ? shared
        : settings.warc() == null ? null : WarcArchive.open(settings.warc(), settings.userAgent());
    this.spool = settings.warc() == null ? null : settings.warc().spool();
    this.inFlight = inFlight;
    this.gate = gate;
    this.settings = settings;
    this.store = store;
    this.clock = clock;
    this.executor = Executors.newCachedThreadPool(daemonThreads("http-"));
    this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("crawl-timer-"));
    timer.setRemoveOnCancelPolicy(true);
    try {
      this.transport = settings.transport().open(transportSettings(settings, executor));
    } catch (IOException | RuntimeException e) {
      executor.shutdownNow();
      timer.shutdownNow();
      throw e;
    }
    this.limiter = new HostLimiter(settings.perHost());
    this.pacer = new RatePacer(settings.rate(), executor);
  }

  /** What a transport, or the side client, is told of the run's settings. */
  static TransportSettings transportSettings(FetchSettings s, ExecutorService executor) {
    return new TransportSettings(s.connectTimeout(), s.tls(), s.proxies(), executor);
  }

  /** Downloads one task; the future always completes normally, failures included. */
  public CompletableFuture<FetchResult> fetch(Task task, String lane) {
    return fetch(task, lane, null);
  }

  /**
   * Downloads one task, asking first whether the copy an earlier run kept changed ({@code -N});
   * {@code kept} null asks for the body outright.
   */
  public CompletableFuture<FetchResult> fetch(Task task, String lane, KeptCopy kept) {
    return new Download(this, task, lane, kept).start();
  }

  /** The run's cookies, or null when it keeps none (--no-cookies). */
  public CookieJar cookies() {
    return cookies;
  }

  /** How a fetcher with these settings schedules its work, for the report. */
  public static String describeExecutors(FetchSettings settings) {
    return settings.transport().description() + "; body timeouts on 1 timer thread";
  }

  /**
   * Stops every download now (Ctrl-C): exchanges in flight fail, nothing is retried, and each
   * still reports through the usual path, so the report can account for it.
   */
  public void abort() {
    aborting = true;
    transport.abort();
  }

  boolean aborting() {
    return aborting;
  }

  @Override
  public void close() {
    // the archive first: its index is written on close, and a worker may be stopped while the
    // transport's event loops wind down
    if (archive != null && ownsArchive) {
      try {
        archive.close();
      } catch (IOException e) {
        // the records written so far are whole; the last may not be, and readers stop before it
      }
    }
    transport.close();
    executor.shutdownNow();
    timer.shutdownNow();
    try {
      // let the threads end, so the next run in this JVM (compare) starts from a clean count
      executor.awaitTermination(1, TimeUnit.SECONDS);
      timer.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
