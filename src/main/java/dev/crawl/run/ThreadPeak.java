package dev.crawl.run;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The most platform threads a run added to the JVM at once, counted by the run itself: the JVM's own
 * peak counter is one for the whole process, and resetting it would change it under any other run.
 * When the JVM's peak rose during the run (a command line's one run), that peak is exact and is
 * used; otherwise the count is sampled every few milliseconds, which sees the pools (they live for
 * the whole run) but can miss a thread that lives for less than a sample.
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
  private final int jvmPeakBefore;
  private volatile int peak;

  private ThreadPeak() {
    before = threads.getThreadCount(); // the sampler's own thread starts with the first sample
    jvmPeakBefore = threads.getPeakThreadCount();
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
    int jvmPeak = threads.getPeakThreadCount() - 1; // less the sampler
    int most = jvmPeak > jvmPeakBefore ? Math.max(peak, jvmPeak) : peak;
    return Math.max(0, most - before);
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
