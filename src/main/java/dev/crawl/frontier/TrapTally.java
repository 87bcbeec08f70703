package dev.crawl.frontier;

import dev.crawl.core.Discovered;
import dev.crawl.core.TrapCounts;
import java.util.List;

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
