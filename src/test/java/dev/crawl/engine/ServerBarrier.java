package dev.crawl.engine;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Proves concurrency on the server side: the first {@code parties} requests are held until all of
 * them have arrived, so the barrier opens only if the client really had that many in flight at once.
 * A client that sends fewer leaves it shut; after {@link #PATIENCE_SECONDS} every request passes, so
 * such a run still ends, and the test fails on {@link #opened()}.
 */
final class ServerBarrier implements ResponseDefinitionTransformerV2 {
  static final long PATIENCE_SECONDS = 30;

  private final String name;
  private final CountDownLatch arrivals;
  private final AtomicInteger now = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private volatile boolean gaveUp;

  ServerBarrier(String name, int parties) {
    this.name = name;
    this.arrivals = new CountDownLatch(parties);
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    peak.accumulateAndGet(now.incrementAndGet(), Math::max);
    try {
      arrivals.countDown();
      if (!gaveUp && !arrivals.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
        gaveUp = true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      now.decrementAndGet();
    }
    return event.getResponseDefinition();
  }

  /** Whether all parties were in flight at the same moment. */
  boolean opened() {
    return arrivals.getCount() == 0 && !gaveUp;
  }

  int peak() {
    return peak.get();
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return name;
  }
}
