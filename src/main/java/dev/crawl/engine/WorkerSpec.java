package dev.crawl.engine;

import dev.crawl.crawl.CrawlOptions;
import dev.crawl.crawl.Scope;
import dev.crawl.fetch.FetchSettings;
import dev.crawl.store.Layout;
import dev.crawl.store.Store;
import java.net.URI;
import java.util.function.Function;

/**
 * How to start a worker process (this JVM's java and flags) and what to tell it first.
 *
 * @param names the name the parent gives each URL's file where only it can keep names apart
 *     ({@code -nd}: one directory for every process), else null for each
 */
public record WorkerSpec(WorkerJvm jvm, WorkerSetup setup, int perHost, double rate, Function<URI, String> names) {

  /**
   * @param store where the parent saves; the workers save into the same directory
   * @param scope the crawl's scope, or null for a list
   */
  public static WorkerSpec forThisJvm(FetchSettings settings, Store store, CrawlOptions crawl, Scope.Rules scope) {
    Function<URI, String> names = store.options().layout().kind() == Layout.Kind.FLAT ? store::pathFor : url -> null;
    return new WorkerSpec(WorkerJvm.ofThisJvm(), WorkerSetup.of(settings, store, crawl, scope), settings.perHost(),
        settings.rate(), names);
  }
}
