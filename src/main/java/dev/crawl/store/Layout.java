package dev.crawl.store;

/**
 * Where a URL's file goes under the output directory, as wget spells the choices.
 *
 * @param kind the tree of hosts and paths, one flat directory, or names from the content
 * @param hostDirectories the tree starts with {@code host[_port]/} ({@code -nH} drops it)
 * @param cutDirs how many of the URL path's directories the tree leaves out ({@code --cut-dirs})
 */
public record Layout(Kind kind, boolean hostDirectories, int cutDirs) {
  public enum Kind {
    /** {@code host[_port]/path/name}: every URL its own place. */
    TREE,
    /** {@code name} alone ({@code -nd}); a second URL with a taken name gets {@code name@HASH.ext}. */
    FLAT,
    /** {@code SHA-256.ext} of the body ({@code --layout hash}): equal bodies stored once. */
    HASH
  }

  public static final Layout TREE = new Layout(Kind.TREE, true, 0);

  public Layout {
    if (cutDirs < 0) {
      throw new IllegalArgumentException("--cut-dirs cannot be negative");
    }
  }
}
