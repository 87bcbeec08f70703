package dev.crawl.report.html;

import java.util.Locale;

/** Small helpers for writing inline SVG and HTML by hand: escaping and number formatting. */
final class Svg {
  private Svg() {}

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** A coordinate with at most two decimals, always with a dot. */
  static String n(double v) {
    if (!Double.isFinite(v) || Math.abs(v) > 1e12) {
      return String.format(Locale.US, "%.2f", v).replaceAll("\\.?0+$", "");
    }
    // by hand: a page has thousands of coordinates, and format + regex per number was slow
    long hundredths = Math.round(Math.abs(v) * 100);
    StringBuilder b = new StringBuilder(12);
    if (v < 0 && hundredths != 0) {
      b.append('-');
    }
    b.append(hundredths / 100);
    int fraction = (int) (hundredths % 100);
    if (fraction != 0) {
      b.append('.').append(fraction / 10);
      if (fraction % 10 != 0) {
        b.append(fraction % 10);
      }
    }
    return b.toString();
  }

  static String fmt(String pattern, Object... args) {
    return String.format(Locale.US, pattern, args);
  }

  /** A "nice" tick step so an axis of {@code span} gets about {@code ticks} labels. */
  static double tickStep(double span, int ticks) {
    double raw = Math.max(span, 1e-9) / ticks;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double norm = raw / mag;
    double step = norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10;
    return step * mag;
  }
}
