package dev.crawl.store;

/**
 * How the output directory is laid out, and what stays of a download that was cut.
 *
 * @param layout where each URL's file goes
 * @param keepPartial keep a cut body a later {@code -C} can continue ({@code --no-keep-partial}: never)
 * @param keepLimit the most bytes of cut bodies one process keeps in a run; a cut body past it is
 *     dropped and its failure says so; zero for no limit
 */
public record StoreOptions(Layout layout, boolean keepPartial, long keepLimit) {
  /**
   * 256 MiB: more than any file of the real-size corpus and most downloads people continue by hand,
   * and a server that lies about its length (10 GiB promised, 1 GiB sent) cannot fill a disk with
   * bodies nobody asked to keep. A dropped body only costs its download again.
   */
  public static final long DEFAULT_KEEP_LIMIT = 256L << 20;

  public static final StoreOptions DEFAULTS = new StoreOptions(Layout.TREE, true, DEFAULT_KEEP_LIMIT);

  public StoreOptions {
    if (keepLimit < 0) {
      throw new IllegalArgumentException("keepLimit cannot be negative");
    }
  }
}
