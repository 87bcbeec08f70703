package dev.crawl.engine;

import dev.crawl.core.FetchResult;
import dev.crawl.core.FetchTimings;
import dev.crawl.core.ResultSink;
import dev.crawl.core.Task;
import dev.crawl.core.UrlResult;
import dev.crawl.fetch.InFlight;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Starts one in-process download and hands its result to the sink. */
final class Dispatch {
  private final EngineContext context;
  private final ResultSink sink;
  private final InFlight inFlight;

  Dispatch(EngineContext context, ResultSink sink) {
    this.context = context;
    this.sink = sink;
    this.inFlight = context.inFlight();
  }

  CompletableFuture<FetchResult> start(Task task, String lane) {
    return context.fetcher().fetch(task, lane, context.kept().of(task.url()))
        .thenApply(context.afterSave())
        .whenComplete((result, error) -> sink.accept(result != null ? result : outsideTheFetchPath(task, error)));
  }

  /**
   * A download that failed where nothing should: still one result for its URL, saying what went
   * wrong, so that the report holds every URL and the frontier is not left waiting for it.
   */
  private FetchResult outsideTheFetchPath(Task task, Throwable error) {
    long now = context.clock().now();
    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause() : error;
    return new UrlResult.Failed(task, task.url(), 0, "internal error: " + cause, 0,
        new FetchTimings(task.queuedNanos(), now, -1, now, "internal"));
  }

  /** A task taken from the frontier that a stop signal kept from starting. */
  void unstarted(Task task) {
    long now = context.clock().now();
    FetchTimings t = new FetchTimings(task.queuedNanos(), now, -1, now, "unstarted");
    sink.accept(new UrlResult.Failed(task, task.url(), 0, "stopped before it started", 0, t));
  }

  /** Runs one download and parks the calling thread until it is done, as blocking code does. */
  void runBlocking(Task task, String lane) throws InterruptedException {
    await(start(task, lane));
  }

  /**
   * Waits for a future that never fails by design. An interrupted wait leaves the future alone:
   * cancelling it would skip the stage that records the result, and the fetcher's abort ends the
   * download anyway.
   */
  static <T> T await(CompletableFuture<T> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a download failed outside the fetch path", e.getCause());
    }
  }

  EngineStats stats(String scheduling) {
    return new EngineStats(inFlight.peak(), scheduling);
  }
}
