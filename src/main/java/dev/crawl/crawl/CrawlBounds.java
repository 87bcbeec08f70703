package dev.crawl.crawl;

import dev.crawl.core.UrlBound;

/**
 * What a crawl takes from the pages it reads, whatever their servers send: how much of a page is
 * read for links, and which links are crawler traps rather than pages (Heritrix's defaults).
 *
 * @param maxParse the most bytes of one page read for links; the page is saved whole all the same
 * @param maxUrlLength the longest URL followed (redirects keep to it too, through the fetch settings)
 * @param maxPathSegments the deepest path followed, in segments ({@code /a/b/c} has 3)
 * @param maxSegmentRepeats the most times one path segment may follow itself ({@code /a/a/a} repeats
 *     {@code a} 3 times), the mark of a relative link that grows a path without end
 * @param maxPageLinks the most links taken from one page
 */
public record CrawlBounds(long maxParse, int maxUrlLength, int maxPathSegments, int maxSegmentRepeats, int maxPageLinks) {

  /**
   * 16 MiB of a page: above Googlebot's 15 MB, which Google says is more than real pages need;
   * reading it holds about twice that in memory.
   */
  public static final long DEFAULT_MAX_PARSE = 16L << 20;

  /**
   * Heritrix's defaults: URLs of 2,083 characters, 20 path segments, a segment at most twice in a
   * row, 6,000 links a page.
   */
  public static final CrawlBounds DEFAULTS =
      new CrawlBounds(DEFAULT_MAX_PARSE, UrlBound.DEFAULT, 20, 2, 6000);

  public CrawlBounds {
    if (maxParse < 2 || maxUrlLength < 1 || maxPathSegments < 1 || maxSegmentRepeats < 1 || maxPageLinks < 1) {
      throw new IllegalArgumentException("crawl bounds must be positive (--max-parse at least 2 bytes)");
    }
  }

  public CrawlBounds withMaxParse(long v) {
    return new CrawlBounds(v, maxUrlLength, maxPathSegments, maxSegmentRepeats, maxPageLinks);
  }
}
