package dev.crawl.fetch.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 206 response's {@code Content-Range: bytes FIRST-LAST/TOTAL} (RFC 9110 §14.4), TOTAL -1 when the
 * server wrote {@code *}.
 */
public record ContentRange(long first, long last, long total) {
  private static final Pattern BYTES = Pattern.compile("\\s*bytes\\s+(\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)\\s*");

  /** The range a header gives, or null when it is missing or not a byte range we can use. */
  public static ContentRange parse(String header) {
    if (header == null) {
      return null;
    }
    Matcher m = BYTES.matcher(header);
    if (!m.matches()) {
      return null;
    }
    long first = Long.parseLong(m.group(1));
    long last = Long.parseLong(m.group(2));
    long total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
    if (last < first || (total >= 0 && last >= total)) {
      return null;
    }
    return new ContentRange(first, last, total);
  }
}
