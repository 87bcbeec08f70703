package dev.crawl.engine;

import dev.crawl.core.ResultSink;
import dev.crawl.frontier.Frontier;

/**
 * One event loop: downloads are futures composed on the client's executor, at most N in flight
 * ({@code asyncio} + {@code Semaphore(N)}). No thread parks per download: the completion of one
 * download starts the next; the caller's thread only reads input ahead.
 */
public final class AsyncEngine implements Engine {
  private final EngineContext context;

  AsyncEngine(EngineContext context) {
    this.context = context;
  }

  @Override
  public EngineStats run(Frontier frontier, ResultSink sink) throws InterruptedException {
    Dispatch dispatch = new Dispatch(context, sink);
    new SlotPump(
            context.concurrency(),
            (task, slot, done) -> dispatch.start(task, "slot-" + slot).whenComplete((r, e) -> done.run()),
            dispatch::unstarted)
        .run(frontier);
    return dispatch.stats(
        context.concurrency() + " in-flight futures; each completion starts the next; no thread per download");
  }
}
