package dev.crawl.engine;

import dev.crawl.frontier.Frontier;

/**
 * One event loop: downloads are futures composed on the client's executor, at most N in flight
 * ({@code asyncio} + {@code Semaphore(N)}). No thread parks per download; only the feeder waits for
 * a free slot.
 */
public final class AsyncEngine implements Engine {
  private final EngineContext context;

  AsyncEngine(EngineContext context) {
    this.context = context;
  }

  @Override
  public EngineStats run(Frontier frontier, ResultSink sink) throws InterruptedException {
    Dispatch dispatch = new Dispatch(context, sink);
    new Slots(context.concurrency())
        .feed(frontier, (task, slot, done) -> dispatch.start(task, "slot-" + slot).whenComplete((r, e) -> done.run()));
    return dispatch.stats(
        context.concurrency() + " in-flight futures fed from the main thread; no thread per download");
  }
}
