package dev.crawl.frontier;

import dev.crawl.core.TrapCounts;

/** Counts the links a frontier refused as traps, by reason; guarded by its frontier's lock. */
final class TrapTally {
  private final int maxPageLinks;
  private long longUrl;
  private long deepPath;
  private long repeatedSegment;
  private long pageLinks;

  TrapTally(int maxPageLinks) {
    this.maxPageLinks = maxPageLinks;
  }

  /** Counts a link {@link LinkRules} refused; false when it was not refused as a trap. */
  boolean count(LinkRules.Refused refused) {
    switch (refused) {
      case LONG_URL -> longUrl++;
      case DEEP_PATH -> deepPath++;
      case REPEATED_SEGMENT -> repeatedSegment++;
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * How many of a page's {@code links} (links and requisites together) may be taken; the rest are
   * counted as over the cap.
   */
  int taken(int links) {
    int taken = Math.min(links, maxPageLinks);
    pageLinks += links - taken;
    return taken;
  }

  TrapCounts counts() {
    return new TrapCounts(longUrl, deepPath, repeatedSegment, pageLinks);
  }
}
