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
    Instant fixdate = fixdate(value.trim());
    if (fixdate != null) {
      return Optional.of(fixdate);
    }
    try {
      return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException notADate) {
      return Optional.empty();
    }
  }

  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  /**
   * The form nearly every server sends, {@code Sun, 06 Nov 1994 08:49:37 GMT}, read by hand: every
   * saved file's Last-Modified is parsed, and the general formatter cost 24 µs a date under C1.
   * Anything else is left to the formatter (null).
   */
  private static Instant fixdate(String v) {
    if (v.length() != 29 || v.charAt(3) != ',' || !v.endsWith(" GMT")) {
      return null;
    }
    int month = MONTHS.indexOf(v.substring(8, 11));
    int day = digits(v, 5, 2);
    int year = digits(v, 12, 4);
    int hour = digits(v, 17, 2);
    int minute = digits(v, 20, 2);
    int second = digits(v, 23, 2);
    if (month < 0 || month % 3 != 0 || day < 1 || day > 31 || year < 0 || hour > 23 || minute > 59 || second > 60
        || v.charAt(4) != ' ' || v.charAt(7) != ' ' || v.charAt(11) != ' ' || v.charAt(16) != ' '
        || v.charAt(19) != ':' || v.charAt(22) != ':') {
      return null;
    }
    try {
      return java.time.LocalDateTime.of(year, month / 3 + 1, day, hour, minute, Math.min(second, 59))
          .toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException noSuchDay) {
      return null;
    }
  }

  /** The number written at {@code from}, or -1 when a character there is not a digit. */
  private static int digits(String v, int from, int count) {
    int n = 0;
    for (int i = from; i < from + count; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
