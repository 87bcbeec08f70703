package dev.crawl.core;

/**
 * Links a crawl did not follow because they look like crawler traps, by reason, for the report.
 *
 * @param longUrl URLs over {@code --max-url-length}
 * @param deepPath paths over {@code --max-path-segments}
 * @param repeatedSegment paths repeating a segment over {@code --max-segment-repeats} times in a row
 * @param pageLinks links of a page past its first {@code --max-page-links}
 */
public record TrapCounts(long longUrl, long deepPath, long repeatedSegment, long pageLinks) {
  public static final TrapCounts NONE = new TrapCounts(0, 0, 0, 0);

  public long total() {
    return longUrl + deepPath + repeatedSegment + pageLinks;
  }

  public TrapCounts plus(TrapCounts o) {
    return new TrapCounts(longUrl + o.longUrl, deepPath + o.deepPath, repeatedSegment + o.repeatedSegment,
        pageLinks + o.pageLinks);
  }
}
