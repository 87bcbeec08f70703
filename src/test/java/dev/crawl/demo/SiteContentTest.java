package dev.crawl.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SiteContentTest {
  @Test
  void theRealSizeCorpusHasTheSizesRealSitesServe() {
    SiteContent site = new SiteContent(1000, SiteContent.Sizes.REAL);
    int small = 0;
    int medium = 0;
    int large = 0;
    long total = 0;
    for (int i = 0; i < site.files(); i++) {
      int size = site.size(i);
      total += size;
      if (size >= 8 << 10 && size <= 32 << 10) {
        small++;
      } else if (size >= 100 << 10 && size <= 500 << 10) {
        medium++;
      } else if (size >= 2 << 20 && size <= 5 << 20) {
        large++;
      }
    }
    assertTrue(small + medium + large == 1000, "every size is in one of the three ranges");
    assertTrue(small >= 750 && small <= 850, small + " of 8-32 KiB");
    assertTrue(medium >= 150 && medium <= 210, medium + " of 100-500 KiB");
    assertTrue(large >= 10 && large <= 30, large + " of 2-5 MiB");
    assertTrue(total > 120L << 20 && total < 175L << 20, (total >> 20) + " MiB in all");
  }

  @Test
  void bodiesAreTheSameEveryTime() {
    SiteContent a = new SiteContent(10, SiteContent.Sizes.REAL);
    SiteContent b = new SiteContent(10, SiteContent.Sizes.REAL);
    for (int i = 0; i < 10; i++) {
      assertArrayEquals(a.body(i), b.body(i));
    }
  }
}
