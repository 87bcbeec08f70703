package dev.crawl.engine;

import dev.crawl.fetch.HostLimiter;
import dev.crawl.fetch.RatePacer;
import dev.crawl.frontier.Frontier;
import dev.crawl.frontier.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N worker JVMs, each running one download at a time: {@code ProcessPoolExecutor(N)}. The parent
 * owns the frontier and the report; workers run the same fetch code and write the files. Each lane
 * is driven by a thread in the parent, which only waits on a pipe.
 */
public final class ProcessPoolEngine implements Engine {
  private final EngineContext context;

  ProcessPoolEngine(EngineContext context) {
    this.context = context;
  }

  @Override
  public EngineStats run(Frontier frontier, ResultSink sink) throws InterruptedException {
    int n = context.concurrency();
    InFlight inFlight = context.inFlight();
    AtomicLong childCpu = new AtomicLong();
    AtomicInteger processes = new AtomicInteger();
    FirstError errors = new FirstError();
    // each worker has its own fetcher, so only the parent can keep a cap across all of them
    HostLimiter perHost = new HostLimiter(context.workers().perHost());
    RatePacer pacer = new RatePacer(context.workers().rate(), Runnable::run);
    List<Thread> drivers = new ArrayList<>(n);
    List<WorkerLane> lanes = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      WorkerLane lane = new WorkerLane(context.workers(), "worker-" + i, context.clock());
      lanes.add(lane);
      Runnable drive =
          errors.guard(
              () -> {
                try {
                  lane.warmUp();
                  for (Task task; (task = frontier.next()) != null; ) {
                    Runnable release = Dispatch.await(perHost.acquire(task.url()));
                    Dispatch.await(pacer.turn(task.url()));
                    inFlight.enter();
                    try {
                      sink.accept(lane.run(task));
                    } finally {
                      inFlight.exit();
                      release.run();
                    }
                  }
                } finally {
                  childCpu.addAndGet(lane.close());
                  processes.addAndGet(lane.processesStarted());
                }
              });
      // a platform thread per pipe: a virtual thread blocked on a pipe read would pin its carrier
      drivers.add(Thread.ofPlatform().daemon().name("worker-" + i).start(drive));
    }
    try {
      for (Thread t : drivers) {
        t.join();
      }
    } catch (InterruptedException e) {
      drivers.forEach(Thread::interrupt);
      lanes.forEach(WorkerLane::stop);
      throw e;
    } finally {
      drivers.forEach(Thread::interrupt);
    }
    errors.rethrow();
    return new EngineStats(
        inFlight.peak(),
        processes.get(),
        childCpu.get(),
        n + " worker JVMs (worker-N), one download each at a time, fed over stdin/stdout");
  }
}
