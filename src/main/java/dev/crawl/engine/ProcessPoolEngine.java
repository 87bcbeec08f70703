package dev.crawl.engine;

import dev.crawl.core.FetchResult;
import dev.crawl.core.ResultSink;
import dev.crawl.core.RunClock;
import dev.crawl.core.Task;
import dev.crawl.core.WorkerStarts;
import dev.crawl.fetch.InFlight;
import dev.crawl.fetch.net.HostLimiter;
import dev.crawl.fetch.net.RatePacer;
import dev.crawl.frontier.Frontier;
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

  /** How long lanes get, after a stop signal, to stop their workers and report their tasks. */
  private static final long STOP_GRACE_NANOS = 5_000_000_000L;

  @Override
  public EngineStats run(Frontier frontier, ResultSink sink) throws InterruptedException {
    int n = context.concurrency();
    InFlight inFlight = context.inFlight();
    AtomicLong childCpu = new AtomicLong();
    AtomicInteger processes = new AtomicInteger();
    List<WorkerProcess.Started> starts = java.util.Collections.synchronizedList(new ArrayList<>());
    FirstError errors = new FirstError();
    // each worker has its own fetcher, so only the parent can keep a cap across all of them
    HostLimiter perHost = new HostLimiter(context.workers().perHost());
    RatePacer pacer = new RatePacer(context.workers().rate(), Runnable::run);
    List<Thread> drivers = new ArrayList<>(n);
    List<WorkerLane> lanes = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      WorkerLane lane = new WorkerLane(context.workers(), "worker-" + i, context.clock(), context.fetcher().cookies(), context.kept());
      lanes.add(lane);
      Runnable drive =
          errors.guard(
              () -> {
                try {
                  // no worker JVM starts before there is a task for it: a list with nothing to
                  // fetch starts none
                  for (Task task; !lane.stopping() && (task = frontier.next()) != null; ) {
                    sink.accept(runOne(lane, task, perHost, pacer, inFlight, context.clock()));
                  }
                } finally {
                  childCpu.addAndGet(lane.close());
                  processes.addAndGet(lane.processesStarted());
                  starts.addAll(lane.starts());
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
      // stop every worker, starting ones included, and let each lane report the task it had
      lanes.forEach(WorkerLane::stop);
      drivers.forEach(Thread::interrupt);
      joinFor(drivers, STOP_GRACE_NANOS);
      throw e;
    }
    errors.rethrow();
    return new EngineStats(
        inFlight.peak(),
        processes.get(),
        childCpu.get(),
        n + " worker JVMs (worker-N), one download each at a time, fed over stdin/stdout",
        WorkerStarts.of(
            starts.stream().mapToLong(WorkerProcess.Started::nanos).toArray(),
            context.workers().jvm().cacheGiven(),
            (int) starts.stream().filter(WorkerProcess.Started::sharing).count()));
  }

  /** One task on one lane, within the parent's per-host cap and pace. */
  private static FetchResult runOne(
      WorkerLane lane, Task task, HostLimiter perHost, RatePacer pacer, InFlight inFlight, RunClock clock) {
    lane.prepare();
    long asked = clock.now();
    Runnable release;
    try {
      release = Dispatch.await(perHost.acquire(task.url()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return lane.stopped(task);
    }
    try {
      Dispatch.await(pacer.turn(task.url()));
      inFlight.enter();
      try {
        return lane.run(task, asked);
      } finally {
        inFlight.exit();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return lane.stopped(task);
    } finally {
      release.run();
    }
  }

  /** Waits for the threads until the deadline; a second signal halts the JVM anyway. */
  private static void joinFor(List<Thread> threads, long nanos) {
    long deadline = System.nanoTime() + nanos;
    for (Thread t : threads) {
      long left = deadline - System.nanoTime();
      try {
        if (left <= 0 || !t.join(java.time.Duration.ofNanos(left))) {
          return;
        }
      } catch (InterruptedException again) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
