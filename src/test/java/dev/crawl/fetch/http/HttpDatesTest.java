package dev.crawl.fetch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpDatesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "Sun, 06 Nov 1994 08:49:37 GMT", "Thu, 01 Jan 1970 00:00:00 GMT", "Mon, 07 Dec 2026 23:59:59 GMT",
      "Tue, 29 Feb 2028 12:00:00 GMT", "Sun, 6 Nov 1994 08:49:37 GMT", "  Wed, 31 Dec 2025 10:00:00 GMT "})
  void readsADateAsTheStandardFormatterDoes(String value) {
    Instant expected = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();

    assertEquals(Optional.of(expected), HttpDates.parse(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Sun, 30 Feb 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT",
      "Sun, 06 Nov 1994 08:49:37 UTC", "yesterday", "Sun, 06 Nov 1994 08-49-37 GMT", ""})
  void takesNothingThatIsNotADate(String value) {
    assertEquals(Optional.empty(), HttpDates.parse(value));
  }

  @ParameterizedTest
  @ValueSource(longs = {0L, 784111777000L, 1796606326000L})
  void readsBackWhatItWrites(long millis) {
    assertEquals(Optional.of(Instant.ofEpochMilli(millis)), HttpDates.parse(HttpDates.format(millis)));
  }
}
