package dev.crawl.fetch;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts downloads on the wire (sent, not yet finished; a wait for a per-host slot or a --rate turn
 * does not count) and remembers the peak, the same way in every mode; read by the progress line.
 */
public final class InFlight {
  private final AtomicInteger now = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();

  public void enter() {
    peak.accumulateAndGet(now.incrementAndGet(), Math::max);
  }

  public void exit() {
    now.decrementAndGet();
  }

  public int now() {
    return now.get();
  }

  public int peak() {
    return peak.get();
  }
}
