package dev.crawl.core;

import java.util.List;

/**
 * What a saved page leads to, found after it was stored: its title, the pages it links to, and
 * what a browser loads to show it (page requisites, exempt from {@code --no-parent}). URLs are
 * normalised and distinct.
 *
 * @param note why the links may be incomplete (only a prefix of the page was read, or none of it
 *     could be), for the page's report line; null when the whole page was read
 */
public record Discovered(String title, List<String> links, List<String> requisites, String note) {
  public static final Discovered NONE = new Discovered(null, List.of(), List.of(), null);

  /** What a page read whole leads to. */
  public Discovered(String title, List<String> links, List<String> requisites) {
    this(title, links, requisites, null);
  }

  /** The links of a page that could not be read, and why. */
  public static Discovered unread(String why) {
    return new Discovered(null, List.of(), List.of(), "links not read: " + why);
  }
}
