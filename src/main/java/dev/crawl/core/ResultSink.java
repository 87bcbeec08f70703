package dev.crawl.core;


/** Receives each finished download; called from many threads at once. */
@FunctionalInterface
public interface ResultSink {
  void accept(FetchResult result);
}
