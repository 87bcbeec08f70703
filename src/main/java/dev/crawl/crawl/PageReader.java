package dev.crawl.crawl;

import dev.crawl.core.FetchResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The step after the store in a crawl: reads a saved page from disk and adds where it leads to its
 * result. It runs on the thread that finished the download (in a worker process for
 * {@code processes}), never under the frontier's lock. A page that cannot be read leads nowhere.
 */
public final class PageReader implements UnaryOperator<FetchResult> {
  private final Path root;
  private final LinkExtractor extractor;

  /** @param root the output directory the saved paths are relative to */
  public PageReader(Path root, boolean requisites) {
    this.root = root;
    this.extractor = new LinkExtractor(requisites);
  }

  @Override
  public FetchResult apply(FetchResult result) {
    if (!(result instanceof FetchResult.Saved s)) {
      return result;
    }
    try {
      return s.withFound(extractor.extract(root.resolve(s.path()), s.path(), s.finalUrl(), s.contentType()));
    } catch (IOException | RuntimeException e) {
      return result;
    }
  }
}
