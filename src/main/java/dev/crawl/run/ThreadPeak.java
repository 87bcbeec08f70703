package dev.crawl.run;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The most platform threads a run added to the JVM at once, counted by the run itself: the JVM's own
 * peak counter is one for the whole process, and resetting it would change it under any other run.
 * Samples every few milliseconds; the pools of a run live for the whole run, so none is missed.
 */
final class ThreadPeak implements AutoCloseable {
  private static final long PERIOD_MILLIS = 5;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "crawl-thread-peak");
    t.setDaemon(true);
    return t;
  });
  private final int before;
  private volatile int peak;

  private ThreadPeak() {
    before = threads.getThreadCount(); // the sampler's own thread starts with the first sample
    sampler.scheduleAtFixedRate(this::sample, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
  }

  static ThreadPeak start() {
    return new ThreadPeak();
  }

  private synchronized void sample() {
    // less the sampler's own thread
    peak = Math.max(peak, threads.getThreadCount() - 1);
  }

  /** Threads added over the count when the run began. */
  int added() {
    sample();
    return Math.max(0, peak - before);
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
