package dev.crawl.crawl;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a recursive crawl follows links (all off in list mode).
 *
 * @param depth links to follow from a start URL; 0 downloads the list only
 * @param requisites also follow images, stylesheets, scripts and media of each page
 */
public record CrawlOptions(
    int depth, boolean requisites, List<String> domains, boolean noParent, List<Pattern> include, List<Pattern> exclude) {

  public static final CrawlOptions NONE = new CrawlOptions(0, false, List.of(), false, List.of(), List.of());

  public CrawlOptions {
    domains = List.copyOf(domains);
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  public boolean crawls() {
    return depth > 0;
  }
}
