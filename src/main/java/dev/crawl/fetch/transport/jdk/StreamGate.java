package dev.crawl.fetch.transport.jdk;

import dev.crawl.core.Origin;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Queues HTTPS requests beyond what an origin's HTTP/2 connection takes. The JDK client fails a
 * request at once with "too many concurrent streams" when its one connection to an origin has as
 * many streams open as the server's SETTINGS_MAX_CONCURRENT_STREAMS allows (JDK-8225647), and it
 * does not say what that limit is. So the limit is learned from those refusals, which come before
 * anything is sent: a refused request lowers the origin's cap to the streams open without it and
 * waits for one to finish.
 *
 * <p>The first request to an origin goes alone, as curl does before it multiplexes: with none of
 * its connections pooled yet the client would open one connection, and one TLS handshake, for every
 * request sent at once. The others follow as soon as its response headers arrive.
 */
final class StreamGate {
  private static final String REFUSAL = "too many concurrent streams";

  private final Map<String, Streams> origins = new ConcurrentHashMap<>();

  /** One stream's place: give it back once, by one of its three ends. */
  interface Stream {
    /** Response headers arrived: the origin has a connection, and its settings are known. */
    void connected();

    /** The exchange is over: the stream is free. */
    void release();

    /** The client refused the stream: the origin's cap comes down to what is open without it. */
    void refused();
  }

  /** Completes once the origin has room for another stream. */
  CompletableFuture<Stream> acquire(URI url) {
    return origins.computeIfAbsent(Origin.of(url), k -> new Streams()).acquire();
  }

  /** The client's refusal of a stream beyond the server's limit; nothing was sent. */
  static boolean isRefusal(Throwable cause) {
    return cause instanceof IOException && REFUSAL.equals(cause.getMessage());
  }

  /** The cap of the origin a URL is on, for tests; -1 before its first request. */
  int capOf(URI url) {
    Streams s = origins.get(Origin.of(url));
    return s == null ? -1 : s.cap();
  }

  private static final class Streams {
    private final Queue<CompletableFuture<Stream>> waiting = new ArrayDeque<>();
    private boolean probed;
    private int cap = 1;
    private int open;

    synchronized int cap() {
      return cap;
    }

    CompletableFuture<Stream> acquire() {
      CompletableFuture<Stream> slot = new CompletableFuture<>();
      synchronized (this) {
        if (open >= cap) {
          waiting.add(slot);
          return slot;
        }
        open++;
      }
      slot.complete(new Held());
      return slot;
    }

    /** Ends one stream; with {@code newCap} the origin's cap changes first. */
    private void end(boolean wasOpen, int newCap) {
      List<CompletableFuture<Stream>> go = new ArrayList<>();
      synchronized (this) {
        if (wasOpen) {
          open--;
        }
        if (newCap > 0) {
          cap = newCap;
        }
        while (open < cap && !waiting.isEmpty()) {
          open++;
          go.add(waiting.poll());
        }
      }
      // completing runs the waiters' next steps: outside the lock
      go.forEach(w -> w.complete(new Held()));
    }

    /** Opens the origin to all after its first exchange, whatever became of it. */
    private int afterProbe() {
      if (probed) {
        return 0;
      }
      probed = true;
      return Integer.MAX_VALUE;
    }

    private final class Held implements Stream {
      private boolean done;

      @Override
      public void connected() {
        settle(false, false);
      }

      @Override
      public void release() {
        settle(true, false);
      }

      @Override
      public void refused() {
        settle(true, true);
      }

      /** @param ends the stream is given back (once); @param refused by the client, over the server's limit */
      private void settle(boolean ends, boolean refused) {
        int newCap;
        synchronized (Streams.this) {
          if (ends && done) {
            return;
          }
          done |= ends;
          newCap = refused ? Math.max(1, Math.min(cap, open - 1)) : afterProbe();
          probed |= refused;
        }
        end(ends, newCap);
      }
    }
  }
}
