package dev.crawl.fetch.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Reads a Retry-After header: delay-seconds or an HTTP date, capped so a server cannot stall us. */
public final class RetryAfter {
  private RetryAfter() {}

  public static Optional<Duration> delay(HttpHeaders headers, Duration cap) {
    return headers.firstValue("Retry-After").flatMap(RetryAfter::parse).map(d -> min(d, cap));
  }

  static Optional<Duration> parse(String value) {
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      return HttpDates.parse(v).map(when -> {
        Duration d = Duration.between(Instant.now(), when);
        return d.isNegative() ? Duration.ZERO : d;
      });
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
