package dev.crawl.engine;

import dev.crawl.core.ResultSink;
import dev.crawl.frontier.Frontier;

/**
 * One virtual thread per download, at most N at once: blocking code that parks cheaply on I/O,
 * like coroutines. The thread is named after its slot so the timeline has N rows.
 */
public final class VirtualThreadEngine implements Engine {
  private final EngineContext context;

  VirtualThreadEngine(EngineContext context) {
    this.context = context;
  }

  @Override
  public EngineStats run(Frontier frontier, ResultSink sink) throws InterruptedException {
    Dispatch dispatch = new Dispatch(context, sink);
    FirstError errors = new FirstError();
    new SlotPump(context.concurrency(),
            (task, slot, done) -> {
              String lane = "vt-" + slot;
              Runnable body = errors.guard(() -> dispatch.runBlocking(task, lane));
              Thread.ofVirtual()
                  .name(lane)
                  .start(
                      () -> {
                        try {
                          body.run();
                        } finally {
                          done.run();
                        }
                      });
            },
            dispatch::unstarted)
        .run(frontier);
    errors.rethrow();
    return dispatch.stats("one virtual thread per download, at most " + context.concurrency() + " at once");
  }
}
