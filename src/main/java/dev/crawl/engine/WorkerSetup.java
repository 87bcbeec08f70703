package dev.crawl.engine;

import dev.crawl.crawl.CrawlOptions;
import dev.crawl.crawl.Scope;
import dev.crawl.fetch.RedirectGate;
import dev.crawl.fetch.FetchSettings;
import java.nio.file.Path;
import java.time.Duration;

/** The first line a worker process reads: the parent's fetch settings and output directory. */
public record WorkerSetup(
    long connectMs,
    long responseMs,
    long idleMs,
    long minRate,
    long totalMs,
    int retries,
    int timeoutRetries,
    long retryDelayMs,
    long maxRetryWaitMs,
    int maxRedirects,
    long maxBytes,
    int perHost,
    double rate,
    String userAgent,
    String outputDir,
    boolean links,
    boolean requisites,
    Scope.Rules scope) {

  /** @param scope the crawl's scope, or null for a list */
  static WorkerSetup of(FetchSettings s, Path outputDir, CrawlOptions crawl, Scope.Rules scope) {
    return new WorkerSetup(
        s.connectTimeout().toMillis(),
        s.responseTimeout().toMillis(),
        s.idleTimeout().toMillis(),
        s.minRate(),
        s.totalTimeout().toMillis(),
        s.retries(),
        s.timeoutRetries(),
        s.retryDelay().toMillis(),
        s.maxRetryWait().toMillis(),
        s.maxRedirects(),
        s.maxBytes(),
        0, // the parent enforces the per-host cap across all workers
        0, // and paces requests to each host
        s.userAgent(),
        outputDir.toAbsolutePath().toString(),
        crawl.crawls(),
        crawl.requisites(),
        scope);
  }

  RedirectGate redirectGate() {
    return scope == null ? RedirectGate.ANY : new Scope(scope)::refuseRedirect;
  }

  FetchSettings settings() {
    return new FetchSettings(
        Duration.ofMillis(connectMs),
        Duration.ofMillis(responseMs),
        Duration.ofMillis(idleMs),
        minRate,
        Duration.ofMillis(totalMs),
        retries,
        timeoutRetries,
        Duration.ofMillis(retryDelayMs),
        Duration.ofMillis(maxRetryWaitMs),
        maxRedirects,
        maxBytes,
        perHost,
        rate,
        userAgent);
  }
}
