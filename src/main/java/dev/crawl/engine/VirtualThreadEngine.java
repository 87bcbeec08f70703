package dev.crawl.engine;

import dev.crawl.frontier.Frontier;
import dev.crawl.frontier.Task;

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
    Slots slots = new Slots(context.concurrency());
    FirstError errors = new FirstError();
    while (true) {
      int slot = slots.take();
      Task task = frontier.next();
      if (task == null) {
        slots.give(slot);
        break;
      }
      String lane = "vt-" + slot;
      Runnable body = errors.guard(() -> dispatch.runBlocking(task, lane));
      Thread.ofVirtual()
          .name(lane)
          .start(
              () -> {
                try {
                  body.run();
                } finally {
                  slots.give(slot);
                }
              });
    }
    slots.awaitAll();
    errors.rethrow();
    return dispatch.stats("one virtual thread per download, at most " + context.concurrency() + " at once");
  }
}
