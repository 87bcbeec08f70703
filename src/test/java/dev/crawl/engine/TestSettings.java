package dev.crawl.engine;

import dev.crawl.fetch.FetchSettings;
import java.time.Duration;

/** Fetch settings for tests: the defaults with short timeouts and backoff, no retries and no per-host cap unless asked. */
final class TestSettings {
  private TestSettings() {}

  static FetchSettings fast() {
    return TestTransport.chosen(FetchSettings.DEFAULTS)
        .withConnectTimeout(Duration.ofSeconds(5))
        .withResponseTimeout(Duration.ofSeconds(10))
        .withIdleTimeout(Duration.ofSeconds(10))
        .withMinRate(0)
        .withRetries(0)
        .withRetryDelay(Duration.ofMillis(10))
        .withMaxRetryWait(Duration.ofSeconds(5))
        .withPerHost(0);
  }
}
