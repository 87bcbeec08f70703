package dev.crawl.engine;

import dev.crawl.core.ResultSink;
import dev.crawl.core.Task;
import dev.crawl.frontier.Frontier;
import java.util.ArrayList;
import java.util.List;

/** N platform threads, each blocking on one download at a time: {@code ThreadPoolExecutor(N)}. */
public final class ThreadPoolEngine implements Engine {
  private final EngineContext context;

  ThreadPoolEngine(EngineContext context) {
    this.context = context;
  }

  @Override
  public EngineStats run(Frontier frontier, ResultSink sink) throws InterruptedException {
    Dispatch dispatch = new Dispatch(context, sink);
    int n = context.concurrency();
    List<Thread> threads = new ArrayList<>(n);
    FirstError errors = new FirstError();
    for (int i = 1; i <= n; i++) {
      String lane = "threads-" + i;
      Thread t =
          Thread.ofPlatform()
              .name(lane)
              .start(
                  errors.guard(
                      () -> {
                        for (Task task; (task = frontier.next()) != null; ) {
                          dispatch.runBlocking(task, lane);
                        }
                      }));
      threads.add(t);
    }
    try {
      for (Thread t : threads) {
        t.join();
      }
    } finally {
      threads.forEach(Thread::interrupt);
    }
    errors.rethrow();
    return dispatch.stats(n + " platform threads (threads-N), each blocking on its download");
  }
}
