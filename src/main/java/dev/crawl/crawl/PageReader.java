package dev.crawl.crawl;

import dev.crawl.core.FetchResult;
import dev.crawl.core.UrlResult;
import dev.crawl.store.Store;
import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * The step after the store in a crawl: reads a saved page from disk and adds where it leads to its
 * result. It runs on the thread that finished the download (in a worker process for
 * {@code processes}), never under the frontier's lock. A page that cannot be read leads nowhere.
 */
public final class PageReader implements UnaryOperator<FetchResult> {
  private final Store store;
  private final LinkExtractor extractor;

  /** @param store where the pages were saved */
  public PageReader(Store store, boolean requisites) {
    this.store = store;
    this.extractor = new LinkExtractor(requisites);
  }

  @Override
  public FetchResult apply(FetchResult result) {
    if (!(result instanceof UrlResult.OnDisk s)) {
      return result;
    }
    try {
      return s.withFound(extractor.extract(store.file(s.path()), s.path(), s.finalUrl(), s.contentType()));
    } catch (IOException | RuntimeException e) {
      return result;
    }
  }
}
