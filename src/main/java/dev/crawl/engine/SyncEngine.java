package dev.crawl.engine;

import dev.crawl.core.ResultSink;
import dev.crawl.core.Task;
import dev.crawl.frontier.Frontier;

/** One download after another on the calling thread: {@code for url in urls: get(url)}. */
public final class SyncEngine implements Engine {
  private final EngineContext context;

  SyncEngine(EngineContext context) {
    this.context = context;
  }

  @Override
  public EngineStats run(Frontier frontier, ResultSink sink) throws InterruptedException {
    Dispatch dispatch = new Dispatch(context, sink);
    for (Task task; (task = frontier.next()) != null; ) {
      dispatch.runBlocking(task, "main");
    }
    return dispatch.stats("a loop on the main thread, blocking on each download");
  }
}
