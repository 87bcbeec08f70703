package dev.crawl.fetch.http;

/** Keeps text a server (or a user) controls fit for a one-line report: no control characters, bounded length. */
public final class Printable {
  private Printable() {}

  public static String oneLine(String s, int max) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 1);
    for (int i = 0; i < s.length() && b.length() < max; i++) {
      char c = s.charAt(i);
      b.append(Character.isISOControl(c) ? ' ' : c);
    }
    return s.length() > max ? b + "…" : b.toString();
  }
}
