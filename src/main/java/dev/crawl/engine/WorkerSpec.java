package dev.crawl.engine;

import dev.crawl.crawl.CrawlOptions;
import dev.crawl.crawl.Scope;
import dev.crawl.fetch.FetchSettings;
import dev.crawl.store.Store;

/** How to start a worker process (this JVM's java and flags) and what to tell it first. */
public record WorkerSpec(WorkerJvm jvm, WorkerSetup setup, int perHost, double rate) {

  /**
   * @param store where the parent saves; the workers save into the same directory
   * @param scope the crawl's scope, or null for a list
   */
  public static WorkerSpec forThisJvm(FetchSettings settings, Store store, CrawlOptions crawl, Scope.Rules scope) {
    return new WorkerSpec(WorkerJvm.ofThisJvm(), WorkerSetup.of(settings, store, crawl, scope), settings.perHost(), settings.rate());
  }
}
