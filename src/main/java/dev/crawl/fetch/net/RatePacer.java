package dev.crawl.fetch.net;

import dev.crawl.core.Origin;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Spaces requests to one host at least 1/N seconds apart ({@code --rate N}). Nobody waits on a
 * thread: a request's turn is a future completed by the timer when its slot comes.
 */
public final class RatePacer {
  private final long intervalNanos;
  private final Executor executor;
  private final Map<String, long[]> nextSlot = new ConcurrentHashMap<>();

  /**
   * @param perSecond requests per second per host; zero or less for no limit
   */
  public RatePacer(double perSecond, Executor executor) {
    this.intervalNanos = perSecond > 0 ? Math.round(1e9 / perSecond) : 0;
    this.executor = executor;
  }

  /** Completes when a request to this URL's host may start. */
  public CompletableFuture<Void> turn(URI url) {
    if (intervalNanos == 0) {
      return CompletableFuture.completedFuture(null);
    }
    long[] next = nextSlot.computeIfAbsent(Origin.of(url), k -> new long[] {0});
    long wait;
    synchronized (next) {
      long now = System.nanoTime();
      long slot = Math.max(now, next[0]);
      next[0] = slot + intervalNanos;
      wait = slot - now;
    }
    if (wait <= 0) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS, executor));
  }
}
