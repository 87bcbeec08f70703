package dev.crawl.crawl;

import java.net.URI;

/**
 * Tells a crawler trap from a page by its URL alone, as Heritrix does: a URL too long, a path too
 * deep, or a path that repeats one segment (a relative link that, followed, adds itself again:
 * {@code /a/b/b/b/}). Each is a page a site generates without end.
 */
public final class Traps {
  /** Why a link is a trap. */
  public enum Kind { LONG_URL, DEEP_PATH, REPEATED_SEGMENT }

  private final CrawlBounds bounds;

  public Traps(CrawlBounds bounds) {
    this.bounds = bounds;
  }

  /** Which trap this URL is, or null for none. */
  public Kind of(URI url) {
    if (url.toString().length() > bounds.maxUrlLength()) {
      return Kind.LONG_URL;
    }
    String path = url.getRawPath();
    if (path == null || path.isEmpty()) {
      return null;
    }
    int segments = 0;
    int run = 0;
    String previous = null;
    for (int start = path.charAt(0) == '/' ? 1 : 0; start <= path.length(); ) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      String segment = path.substring(start, end);
      if (!segment.isEmpty() || end < path.length()) {
        segments++;
      }
      run = !segment.isEmpty() && segment.equals(previous) ? run + 1 : 1;
      if (run > bounds.maxSegmentRepeats()) {
        return Kind.REPEATED_SEGMENT;
      }
      previous = segment;
      start = end + 1;
    }
    return segments > bounds.maxPathSegments() ? Kind.DEEP_PATH : null;
  }
}
