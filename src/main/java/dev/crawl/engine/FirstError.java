package dev.crawl.engine;

import java.util.concurrent.atomic.AtomicReference;

/** Keeps the first unexpected error of a group of lanes, to rethrow on the caller's thread. */
final class FirstError {
  interface Body {
    void run() throws Exception;
  }

  private final AtomicReference<Throwable> first = new AtomicReference<>();

  Runnable guard(Body body) {
    return () -> {
      try {
        body.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Throwable t) {
        first.compareAndSet(null, t);
      }
    };
  }

  void rethrow() {
    Throwable t = first.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
  }
}
