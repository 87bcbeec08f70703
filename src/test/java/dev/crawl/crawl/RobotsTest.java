package dev.crawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RobotsTest {
  private static boolean allows(Robots r, String path) {
    return r.allows(URI.create("http://h" + path));
  }

  @Test
  void followsTheStarGroupWhenNoneNamesUs() {
    Robots r = Robots.parse("User-agent: other\nDisallow: /\n\nUser-agent: *\nDisallow: /private\n", "crawl");
    assertFalse(allows(r, "/private/x"));
    assertTrue(allows(r, "/public"));
  }

  @Test
  void prefersTheGroupThatNamesUs() {
    Robots r = Robots.parse("User-agent: *\nDisallow: /\n\nUser-agent: Crawl\nDisallow: /tmp\n", "crawl");
    assertTrue(allows(r, "/page"));
    assertFalse(allows(r, "/tmp/a"));
  }

  @Test
  void theLongestMatchWinsAndATieGoesToAllow() {
    Robots r = Robots.parse("User-agent: *\nDisallow: /a\nAllow: /a/open\nDisallow: /b\nAllow: /b\n", "crawl");
    assertFalse(allows(r, "/a/closed"));
    assertTrue(allows(r, "/a/open/x"));
    assertTrue(allows(r, "/b/x"));
  }

  @Test
  void understandsWildcardsAndEndAnchors() {
    Robots r = Robots.parse("User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?session=\n", "crawl");
    assertFalse(allows(r, "/docs/a.pdf"));
    assertTrue(allows(r, "/docs/a.pdf.html"));
    assertFalse(allows(r, "/page?session=1"));
  }

  @Test
  void readsTheCrawlDelayAndIgnoresComments() {
    Robots r = Robots.parse("# hi\nUser-agent: * # all\nCrawl-delay: 1.5\nDisallow: /x # no\n", "crawl");
    assertEquals(1.5, r.crawlDelaySeconds());
    assertFalse(allows(r, "/x"));
  }

  @Test
  void anEmptyDisallowAllowsEverything() {
    assertTrue(allows(Robots.parse("User-agent: *\nDisallow:\n", "crawl"), "/anything"));
  }

  @Test
  void aLongCrawlDelayIsHonouredNotTakenForARefusal() {
    Robots r = Robots.parse("User-agent: *\nCrawl-delay: 3600\n", "crawl");
    assertEquals(3600, r.crawlDelaySeconds());
    assertTrue(allows(r, "/page"));
  }

  @Test
  void readsTheSitemapLinesWhateverTheGroup() {
    Robots r = Robots.parse("User-agent: other\nDisallow: /\nSitemap: http://h/sitemap.xml\n"
        + "User-agent: *\nSitemap: http://h/news.xml.gz\n", "crawl");
    assertEquals(java.util.Set.of("http://h/sitemap.xml", "http://h/news.xml.gz"), java.util.Set.copyOf(r.sitemaps()));
  }

  @Test
  void noRobotsTxtRulesAtAllAllowEverything() {
    assertTrue(allows(Robots.parse("", "crawl"), "/anything"));
    assertTrue(allows(Robots.parse("User-agent: other\nDisallow: /\n", "crawl"), "/anything"));
  }
}
