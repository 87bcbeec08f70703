package dev.crawl.fetch.net;

import dev.crawl.core.Origin;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caps requests in flight per host without parking a thread: a caller receives a future permit.
 * The JDK client has no per-host limit of its own (HTTP/1.1 opens connections without bound, HTTP/2
 * fails with "too many concurrent streams"), so this is where politeness is enforced.
 */
public final class HostLimiter {
  private final int perHost;
  private final Map<String, Slots> hosts = new ConcurrentHashMap<>();

  public HostLimiter(int perHost) {
    this.perHost = perHost;
  }

  /** Completes with a release action once the host has room. */
  public CompletableFuture<Runnable> acquire(URI url) {
    if (perHost <= 0) {
      return CompletableFuture.completedFuture(() -> {});
    }
    return hosts.computeIfAbsent(Origin.of(url), k -> new Slots()).acquire();
  }

  private final class Slots {
    private final Queue<CompletableFuture<Runnable>> waiting = new ArrayDeque<>();
    private int inUse;

    CompletableFuture<Runnable> acquire() {
      CompletableFuture<Runnable> permit = new CompletableFuture<>();
      synchronized (this) {
        if (inUse >= perHost) {
          waiting.add(permit);
          return permit;
        }
        inUse++;
      }
      permit.complete(this::release);
      return permit;
    }

    private void release() {
      CompletableFuture<Runnable> next;
      synchronized (this) {
        next = waiting.poll();
        if (next == null) {
          inUse--;
          return;
        }
      }
      // the slot passes straight to the next waiter; completing outside the lock
      next.complete(this::release);
    }
  }
}
