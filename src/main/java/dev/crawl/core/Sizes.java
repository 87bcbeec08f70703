package dev.crawl.core;

import java.util.Locale;

/** Byte counts as a person reads them: {@code 4.0 MiB}, {@code 1.0 GiB}, {@code 512 B}. */
public final class Sizes {
  private Sizes() {}

  public static String human(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.US, "%.1f GiB", bytes / (double) (1L << 30));
    }
    if (bytes >= 1L << 20) {
      return String.format(Locale.US, "%.1f MiB", bytes / (double) (1L << 20));
    }
    if (bytes >= 1L << 10) {
      return String.format(Locale.US, "%.1f KiB", bytes / 1024.0);
    }
    return bytes + " B";
  }
}
