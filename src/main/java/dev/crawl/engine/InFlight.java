package dev.crawl.engine;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts downloads in flight and remembers the peak, the same way in every mode; read by the progress line. */
public final class InFlight {
  private final AtomicInteger now = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();

  void enter() {
    peak.accumulateAndGet(now.incrementAndGet(), Math::max);
  }

  void exit() {
    now.decrementAndGet();
  }

  public int now() {
    return now.get();
  }

  public int peak() {
    return peak.get();
  }
}
