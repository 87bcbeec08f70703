package dev.crawl.crawl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What link values came to, shared by the pages of one directory: the pages of a site repeat
 * their neighbours' links (sidebars, navigation, cross-references), so most values of a page were
 * resolved already for the page before it. One per run, used from many threads; bounded, because
 * a large crawl has many directories: a map that grows past its bound starts again empty.
 */
final class SharedValues {
  /** Stands for "no URL" in the maps, which cannot hold null. */
  static final String NONE = "";
  private static final int MAX_DIRECTORIES = 1_024;
  private static final int MAX_VALUES = 50_000;

  private final Map<String, Map<String, String>> byDirectory = new ConcurrentHashMap<>();

  /** The values resolved so far for pages that share {@code key} (their directory, and what else decides). */
  Map<String, String> forDirectory(String key) {
    if (byDirectory.size() > MAX_DIRECTORIES) {
      byDirectory.clear();
    }
    Map<String, String> values = byDirectory.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
    if (values.size() > MAX_VALUES) {
      values.clear();
    }
    return values;
  }
}
