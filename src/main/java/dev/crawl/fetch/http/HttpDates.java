package dev.crawl.fetch.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** HTTP dates (RFC 9110 §5.6.7): Last-Modified, If-Modified-Since, Retry-After. */
public final class HttpDates {
  // IMF-fixdate: RFC_1123_DATE_TIME would write a one-digit day ("Tue, 3 Jun"), which is not one
  private static final DateTimeFormatter FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private HttpDates() {}

  public static String format(long epochMillis) {
    return FIXDATE.format(Instant.ofEpochMilli(epochMillis));
  }

  /** The date a header gives, or empty when it is not one (servers send all sorts). */
  public static Optional<Instant> parse(String value) {
    try {
      return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException notADate) {
      return Optional.empty();
    }
  }
}
