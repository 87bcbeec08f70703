package dev.crawl.fetch;

import dev.crawl.frontier.Task;
import dev.crawl.store.Store;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
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
 * dependent stage run on one work-stealing pool of {@link #CLIENT_THREADS} platform threads ({@code
 * http-N}), timeouts on one timer thread; nothing runs on the common ForkJoin pool. Measured at
 * 1,000 URLs of 100 ms: a fixed pool of two queued protocol work behind disk writes (async 1.24–1.38
 * s); a cached pool was as fast at 100 at once but grew to 60–160 threads and was slower at 1,000 at
 * once (async 0.64–0.71 s, against 0.53 s with this pool and its 4 threads).
 */
public final class Fetcher implements AutoCloseable {
  static final int CLIENT_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

  final FetchSettings settings;
  final Store store;
  final RunClock clock;
  final ExecutorService executor;
  final ScheduledThreadPoolExecutor timer;
  final HttpClient client;
  final HostLimiter limiter;

  public Fetcher(FetchSettings settings, Store store, RunClock clock) {
    this.settings = settings;
    this.store = store;
    this.clock = clock;
    this.executor =
        new ForkJoinPool(
            CLIENT_THREADS,
            pool -> {
              ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
              t.setName("http-" + t.getPoolIndex());
              t.setDaemon(true);
              return t;
            },
            null,
            true);
    this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("crawl-timer-"));
    timer.setRemoveOnCancelPolicy(true);
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            // redirects are ours: a limit, a scheme check and the final URL in the report
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor)
            .build();
    this.limiter = new HostLimiter(settings.perHost());
  }

  /** Downloads one task; the future always completes normally, failures included. */
  public CompletableFuture<FetchResult> fetch(Task task, String lane) {
    return new Download(this, task, lane).start();
  }

  /** How this fetcher schedules its own work, for the report. */
  public static String describeExecutors() {
    return "HttpClient and its callbacks on a work-stealing pool of "
        + CLIENT_THREADS
        + " platform threads (http-N), timeouts on 1 timer thread";
  }

  @Override
  public void close() {
    client.shutdownNow();
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
