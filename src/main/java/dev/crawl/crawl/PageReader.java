package dev.crawl.crawl;

import dev.crawl.core.Discovered;
import dev.crawl.core.FetchResult;
import dev.crawl.core.UrlResult;
import dev.crawl.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.function.UnaryOperator;

/**
 * The step after the store in a crawl: reads a saved page from disk and adds where it leads to its
 * result. It runs on the thread that finished the download (in a worker process for
 * {@code processes}), never under the frontier's lock. A page that cannot be read leads nowhere,
 * and its result says why.
 */
public final class PageReader implements UnaryOperator<FetchResult> {
  /**
   * Page bytes being read at once in this process, in KiB. A page read takes about twice its bytes
   * (the bytes and their text), so 64 MiB keeps all readers within 128 MiB of {@code bin/crawl}'s
   * 512 MiB heap however many large pages arrive together: the rest wait their turn.
   */
  private static final int BUDGET_KIB = 64 * 1024;

  private final Store store;
  private final LinkExtractor extractor;
  private final long maxParse;
  private final Semaphore budget = new Semaphore(BUDGET_KIB);

  /**
   * @param store where the pages were saved
   * @param maxParse the most bytes of a page read for links
   */
  public PageReader(Store store, boolean requisites, long maxParse) {
    this.store = store;
    this.extractor = new LinkExtractor(requisites, maxParse);
    this.maxParse = maxParse;
  }

  @Override
  public FetchResult apply(FetchResult result) {
    if (!(result instanceof UrlResult.OnDisk s) || !extractor.reads(s.contentType(), s.path())) {
      return result;
    }
    Path file = store.file(s.path());
    try {
      // the result knows the file's size: no stat for it
      int kib = (int) Math.min(BUDGET_KIB, (Math.min(Math.max(0, s.bytes()), maxParse) + 1023) / 1024);
      budget.acquireUninterruptibly(kib);
      try {
        return s.withFound(extractor.extract(file, s.path(), s.finalUrl(), s.contentType()));
      } finally {
        budget.release(kib);
      }
    } catch (IOException | RuntimeException e) {
      return s.withFound(Discovered.unread(e.toString()));
    } catch (OutOfMemoryError | StackOverflowError e) {
      // the budget is meant to keep this from happening; should it still, the page is reported, not lost
      return s.withFound(Discovered.unread(e.toString()));
    }
  }
}
