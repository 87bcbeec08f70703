package dev.crawl.core;

import java.util.List;

/**
 * What a saved page leads to, found after it was stored: its title, the pages it links to, and
 * what a browser loads to show it (page requisites, exempt from {@code --no-parent}). URLs are
 * normalised and distinct.
 */
public record Discovered(String title, List<String> links, List<String> requisites) {
  public static final Discovered NONE = new Discovered(null, List.of(), List.of());
}
