package dev.crawl.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value converters: durations like {@code 500ms} or {@code 2m}, sizes like {@code 10M}. */
final class Converters {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b)?");

  private Converters() {}

  /** A bare number is seconds, as in curl's --max-time. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return duration(value, "s");
    }
  }

  /** A bare number is milliseconds: server latency is thought of in ms. */
  static final class MillisConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return duration(value, "ms");
    }
  }

  private static Duration duration(String value, String bareUnit) {
    {
      Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new TypeConversionException(
            "'" + value + "' is not a duration; write e.g. 500ms, 10s, 2m (a bare number is " + (bareUnit.equals("s") ? "seconds" : "milliseconds") + ")");
      }
      double n = Double.parseDouble(m.group(1));
      String unit = m.group(2) == null ? bareUnit : m.group(2);
      double millis =
          switch (unit) {
            case "ms" -> n;
            case "m" -> n * 60_000;
            case "h" -> n * 3_600_000;
            default -> n * 1000;
          };
      return Duration.ofMillis(Math.round(millis));
    }
  }

  static final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new TypeConversionException(
            "'" + value + "' is not a size; write e.g. 500k, 10M, 2G (binary units) or bytes");
      }
      int shift =
          switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
          };
      return Math.round(Double.parseDouble(m.group(1)) * (1L << shift));
    }
  }
}
