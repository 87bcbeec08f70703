package dev.crawl.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DocsSiteTest {
  private static final URI BASE = URI.create("http://127.0.0.1:8080/");
  private final DocsSite site = new DocsSite();

  /** A link found in a page: the path it resolves to, and whether it is a link a crawl follows (a, iframe). */
  record Link(String path, boolean followed) {}

  /** Every page's links, parsed once for the tests that walk the whole site (204 MB of HTML). */
  private static Map<String, List<Link>> links;

  @BeforeAll
  static void parseEveryPage() {
    DocsSite site = new DocsSite();
    links = new HashMap<>();
    for (String path : site.paths()) {
      if (!path.endsWith(".html")) {
        continue;
      }
      Document page = Jsoup.parse(new String(site.body(path), StandardCharsets.UTF_8), BASE.resolve(path).toString());
      List<Link> found = new ArrayList<>();
      for (Element e : page.select("a[href], link[href], script[src], img[src], iframe[src]")) {
        String target = URI.create(e.absUrl(e.hasAttr("href") ? "href" : "src")).getPath();
        found.add(new Link(target, e.tagName().equals("a") || e.tagName().equals("iframe")));
      }
      links.put(path, found);
    }
  }

  @Test
  void thePageSizesAreThoseOfRealGeneratedDocumentation() {
    List<Integer> sizes = new ArrayList<>();
    for (String path : site.paths()) {
      if (site.pageOf(path) >= 0) {
        sizes.add(site.body(path).length);
      }
    }
    sizes.sort(null);
    assertEquals(DocsSite.SECTIONS * DocsSite.PAGES_PER_SECTION, sizes.size());
    assertTrue(sizes.get(0) >= 20_000, "smallest " + sizes.get(0));
    assertTrue(sizes.get(sizes.size() - 1) <= 1_000_000, "largest " + sizes.get(sizes.size() - 1));
    int median = sizes.get(sizes.size() / 2);
    assertTrue(median > 40_000 && median < 60_000, "median " + median);
  }

  @Test
  void aPageHasHundredsOfLinksWithFragmentsAndRepeats() {
    for (int n : new int[] {0, 1, 500, 2_399}) {
      Document page = parse(site.pagePath(n));
      List<String> hrefs = page.select("a[href]").eachAttr("href");
      assertTrue(hrefs.size() >= 100 && hrefs.size() <= 1_000, n + ": " + hrefs.size() + " links");
      assertTrue(hrefs.stream().anyMatch(h -> h.contains("#")), n + ": no fragment");
      assertTrue(new HashSet<>(hrefs).size() < hrefs.size(), n + ": no repeated link");
    }
  }

  @Test
  void theSameFileIsTheSameBytesEveryTime() {
    for (String path : List.of(DocsSite.START, site.pagePath(77), "/static/css/style.css", "/static/img/bg.png")) {
      assertArrayEquals(site.body(path), new DocsSite().body(path), path);
    }
  }

  @Test
  void everyLinkResolvesExceptTheFewMeantToBeBroken() {
    Set<String> exists = new HashSet<>(site.paths());
    int broken = 0;
    for (var page : links.entrySet()) {
      for (Link link : page.getValue()) {
        if (!exists.contains(link.path())) {
          assertTrue(link.path().contains("/missing-"), page.getKey() + " links to " + link.path());
          broken++;
        }
      }
    }
    assertEquals((DocsSite.SECTIONS * DocsSite.PAGES_PER_SECTION + DocsSite.BROKEN_LINK_EVERY - 1)
        / DocsSite.BROKEN_LINK_EVERY, broken);
  }

  @Test
  void theStylesheetsPullFontsAndImagesFromOutsideThePageTree() {
    Set<String> exists = new HashSet<>(site.paths());
    Pattern url = Pattern.compile("url\\(\\s*['\"]?([^'\")#]+)");
    List<String> found = new ArrayList<>();
    for (String css : List.of("/static/css/style.css", "/static/css/theme.css")) {
      Matcher m = url.matcher(new String(site.body(css), StandardCharsets.UTF_8));
      while (m.find()) {
        String target = BASE.resolve(css).resolve(m.group(1)).getPath();
        assertTrue(exists.contains(target), css + " pulls " + target);
        found.add(target);
      }
    }
    assertTrue(found.containsAll(List.of("/static/css/theme.css", "/static/fonts/text.woff2",
        "/static/fonts/code.woff2", "/static/img/bg.png", "/static/img/icons.svg")), found.toString());
  }

  @Test
  void everyPageIsReachableFromTheStartThroughLinksAndTheFrame() {
    Set<String> seen = new HashSet<>(List.of(DocsSite.START));
    List<String> queue = new ArrayList<>(seen);
    while (!queue.isEmpty()) {
      for (Link link : links.get(queue.remove(queue.size() - 1))) {
        if (link.followed() && links.containsKey(link.path()) && seen.add(link.path())) {
          queue.add(link.path());
        }
      }
    }
    assertEquals(site.pages(), seen.size());
  }

  @Test
  void pathsThatAreNotOfTheSiteHaveNoBody() {
    assertNull(site.body("/docs/s1/p01.html"));
    assertNull(site.body("/docs/s40/p0.html"));
    assertNull(site.body("/docs/s0/missing-0.html"));
    assertNull(site.body("/static/css/none.css"));
    assertNotNull(site.body("/docs/s39/p59.html"));
  }

  private Document parse(String path) {
    return Jsoup.parse(new String(site.body(path), StandardCharsets.UTF_8), BASE.resolve(path).toString());
  }

  @Test
  void aSiteAskedForTenThousandPagesServesEveryOne() {
    DocsSite big = DocsSite.withPages(10_000);

    assertEquals(10_022, big.pages(), "167 sections of 60, the index and the toc");
    String last = big.pagePath(big.pages() - 3);
    assertNotNull(big.body(last), last);
    assertNull(big.body(big.pagePath(big.pages() - 2)), "no page past the last section");
  }
}
