package dev.crawl.engine;

import dev.crawl.crawl.CrawlOptions;
import dev.crawl.crawl.Scope;
import dev.crawl.fetch.FetchSettings;
import dev.crawl.fetch.RedirectGate;
import dev.crawl.store.Store;
import dev.crawl.store.StoreOptions;

/**
 * The first line a worker process reads: the parent's fetch settings as they are, where to save,
 * and what a crawl needs of each page.
 *
 * @param fetch the run's settings, without the per-host cap and pacing: the parent enforces those
 *     across all workers
 * @param maxParse the most bytes of a page read for links
 * @param scope the crawl's scope, or null for a list
 * @param store the parent store's layout and keep rules
 */
public record WorkerSetup(
    FetchSettings fetch, String outputDir, boolean links, boolean requisites, long maxParse, Scope.Rules scope,
    StoreOptions store) {

  static WorkerSetup of(FetchSettings s, Store store, CrawlOptions crawl, Scope.Rules scope) {
    return new WorkerSetup(s.withPerHost(0).withRate(0), store.root().toString(), crawl.crawls(), crawl.requisites(),
        crawl.bounds().maxParse(), scope, store.options());
  }

  RedirectGate redirectGate() {
    return scope == null ? RedirectGate.ANY : new Scope(scope)::refuseRedirect;
  }
}
