package dev.crawl.engine;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts downloads in flight and remembers the peak, the same way in every mode. */
final class InFlight {
  private final AtomicInteger now = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();

  void enter() {
    peak.accumulateAndGet(now.incrementAndGet(), Math::max);
  }

  void exit() {
    now.decrementAndGet();
  }

  int peak() {
    return peak.get();
  }
}
