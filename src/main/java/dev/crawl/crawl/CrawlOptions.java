package dev.crawl.crawl;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a recursive crawl follows links (all off in list mode).
 *
 * @param depth links to follow from a start URL; 0 downloads the list only
 * @param requisites also follow images, stylesheets, scripts and media of each page
 * @param robots respect robots.txt (and its Crawl-delay) for discovered links
 * @param convertLinks rewrite saved pages' links to the saved files, for offline browsing
 * @param sitemaps also crawl what the start servers' sitemaps list
 * @param bounds how much of a page is read, and which links are traps
 */
public record CrawlOptions(
    int depth,
    boolean requisites,
    List<String> domains,
    boolean noParent,
    List<Pattern> include,
    List<Pattern> exclude,
    boolean robots,
    boolean convertLinks,
    boolean sitemaps,
    CrawlBounds bounds) {

  public static final CrawlOptions NONE = new CrawlOptions(0, false, List.of(), false, List.of(), List.of(), true, false);

  /** Options without sitemaps, within the default bounds. */
  public CrawlOptions(
      int depth, boolean requisites, List<String> domains, boolean noParent, List<Pattern> include,
      List<Pattern> exclude, boolean robots, boolean convertLinks) {
    this(depth, requisites, domains, noParent, include, exclude, robots, convertLinks, false, CrawlBounds.DEFAULTS);
  }

  public CrawlOptions withSitemaps(boolean v) {
    return new CrawlOptions(depth, requisites, domains, noParent, include, exclude, robots, convertLinks, v, bounds);
  }

  public CrawlOptions withBounds(CrawlBounds v) {
    return new CrawlOptions(depth, requisites, domains, noParent, include, exclude, robots, convertLinks, sitemaps, v);
  }

  /** Options without link conversion. */
  public CrawlOptions(
      int depth, boolean requisites, List<String> domains, boolean noParent, List<Pattern> include,
      List<Pattern> exclude, boolean robots) {
    this(depth, requisites, domains, noParent, include, exclude, robots, false);
  }

  /** Options that respect robots.txt. */
  public CrawlOptions(
      int depth, boolean requisites, List<String> domains, boolean noParent, List<Pattern> include, List<Pattern> exclude) {
    this(depth, requisites, domains, noParent, include, exclude, true, false);
  }

  public CrawlOptions {
    domains = List.copyOf(domains);
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  /** Whether pages are read for links: to follow them, or (with -p alone) for what they load, as wget -p does. */
  public boolean crawls() {
    return depth > 0 || requisites;
  }
}
