package dev.crawl.engine;

import dev.crawl.fetch.FetchSettings;
import java.time.Duration;

/** Fetch settings for tests: short timeouts and backoff, no retries unless asked; the real code paths. */
final class TestSettings {
  Duration connect = Duration.ofSeconds(5);
  Duration response = Duration.ofSeconds(10);
  Duration idle = Duration.ofSeconds(10);
  long minRate;
  Duration total = Duration.ZERO;
  int retries;
  int timeoutRetries = 1;
  Duration retryDelay = Duration.ofMillis(10);
  Duration maxRetryWait = Duration.ofSeconds(5);
  int maxRedirects = 10;
  long maxBytes;
  int perHost;
  double rate;

  TestSettings retries(int n) {
    retries = n;
    return this;
  }

  TestSettings timeoutRetries(int n) {
    timeoutRetries = n;
    return this;
  }

  TestSettings responseTimeout(Duration d) {
    response = d;
    return this;
  }

  TestSettings idleTimeout(Duration d) {
    idle = d;
    return this;
  }

  TestSettings maxTime(Duration d) {
    total = d;
    return this;
  }

  TestSettings minRate(long bytesPerSecond) {
    minRate = bytesPerSecond;
    return this;
  }

  TestSettings maxRedirects(int n) {
    maxRedirects = n;
    return this;
  }

  TestSettings maxBytes(long n) {
    maxBytes = n;
    return this;
  }

  TestSettings rate(double perSecond) {
    rate = perSecond;
    return this;
  }

  TestSettings perHost(int n) {
    perHost = n;
    return this;
  }

  FetchSettings build() {
    return new FetchSettings(connect, response, idle, minRate, total, retries, timeoutRetries, retryDelay, maxRetryWait,
        maxRedirects, maxBytes, perHost, rate, FetchSettings.DEFAULT_USER_AGENT);
  }
}
