package dev.crawl.engine;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests in flight on the server side. Each request is held for a fixed server latency
 * (what WireMock's fixed delay does too) and leaves the count before its response is sent, so a
 * client that starts its next request only after a response can never be over-counted.
 */
final class InFlightCounter implements ResponseDefinitionTransformerV2 {
  static final String NAME = "in-flight-counter";
  private final AtomicInteger now = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private final long latencyMillis;

  InFlightCounter(long latencyMillis) {
    this.latencyMillis = latencyMillis;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    peak.accumulateAndGet(now.incrementAndGet(), Math::max);
    try {
      Thread.sleep(latencyMillis); // the server's simulated latency, not a wait for the test
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      now.decrementAndGet();
    }
    return event.getResponseDefinition();
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }

  int peak() {
    return peak.get();
  }
}
