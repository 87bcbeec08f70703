package dev.crawl.frontier;

import dev.crawl.core.Discovered;
import dev.crawl.core.TrapCounts;
import dev.crawl.crawl.CrawlBounds;
import dev.crawl.crawl.Traps;
import java.net.URI;
import java.util.List;

/**
 * Refuses the links that look like crawler traps and counts them by reason, after the link rules
 * (depth, scope) let them through: the counts say what the bounds saved, not what scope refused
 * anyway. Guarded by its frontier's lock.
 */
final class TrapTally {
  private final Traps traps;
  private final int maxPageLinks;
  private long longUrl;
  private long deepPath;
  private long repeatedSegment;
  private long pageLinks;

  TrapTally(CrawlBounds bounds) {
    this.traps = new Traps(bounds);
    this.maxPageLinks = bounds.maxPageLinks();
  }

  /** Whether {@code url} is a trap, counted by its kind if it is. */
  boolean caught(URI url) {
    Traps.Kind kind = traps.of(url);
    if (kind == null) {
      return false;
    }
    switch (kind) {
      case LONG_URL -> longUrl++;
      case DEEP_PATH -> deepPath++;
      case REPEATED_SEGMENT -> repeatedSegment++;
    }
    return true;
  }

  /** Where a page's links go: the frontier's own offer. */
  interface Offer {
    void offer(String link, boolean requisite);
  }

  /**
   * Hands on a page's links, then its requisites, up to the cap; the rest are counted as over it.
   *
   * @return how many were over the cap: links found, but never offered
   */
  int take(Discovered found, Offer offer) {
    List<String> links = found.links();
    List<String> requisites = found.requisites();
    int all = links.size() + requisites.size();
    int taken = Math.min(all, maxPageLinks);
    pageLinks += all - taken;
    for (int i = 0; i < taken; i++) {
      boolean requisite = i >= links.size();
      offer.offer(requisite ? requisites.get(i - links.size()) : links.get(i), requisite);
    }
    return all - taken;
  }

  TrapCounts counts() {
    return new TrapCounts(longUrl, deepPath, repeatedSegment, pageLinks);
  }
}
