package dev.crawl.report;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs report jobs one at a time, in the order they were handed in, on a thread of its own. A
 * download that finishes only queues its record and goes on to start the next one: with the
 * writing done under a lock on the download's own thread, a burst of 100 responses queued on that
 * lock and each waited 0.3–1.8 ms on average (up to 42 ms) before its slot could start again.
 *
 * <p>What the jobs wrote is flushed once the queue has stayed empty for a moment, and at least once
 * a second while it never does: a burst is written in one go, and a crash loses at most the last
 * second. Flushed at every empty queue, a run of 10,000 quick downloads made two write calls a
 * record.
 */
final class SerialWriter implements AutoCloseable {
  /** Enough to absorb any burst; a writer that falls this far behind slows the downloads down. */
  static final int CAPACITY = 65_536;

  private static final Runnable STOP = () -> {};

  static final long FLUSH_INTERVAL_NANOS = 1_000_000_000L;

  /** How long an empty queue waits for more before what was written is flushed. */
  static final long IDLE_FLUSH_NANOS = 50_000_000L;

  private final BlockingQueue<Runnable> jobs = new LinkedBlockingQueue<>(CAPACITY);
  private final Runnable flush;
  private volatile RuntimeException failure;

  /** @param flush makes what the jobs wrote durable; run on the writer's thread */
  SerialWriter(String name, Runnable flush) {
    this.flush = flush;
    Thread.ofPlatform().daemon().name(name).start(this::loop);
  }

  void submit(Runnable job) {
    uninterruptibly(() -> jobs.put(job));
  }

  /**
   * Returns once every job handed in before this call has run and been flushed.
   *
   * @throws RuntimeException the first one a job threw since the last drain, once; the jobs after
   *     it still ran
   */
  void drain() {
    CountDownLatch done = new CountDownLatch(1);
    submit(() -> {
      try {
        flush.run();
      } finally {
        done.countDown();
      }
    });
    uninterruptibly(done::await);
    RuntimeException f = failure;
    if (f != null) {
      // once: a later drain (at close) throwing the same exception again would suppress it into itself
      failure = null;
      throw f;
    }
  }

  private void loop() {
    long flushed = System.nanoTime();
    boolean dirty = false;
    try {
      while (true) {
        Runnable job = jobs.poll();
        if (job == null && dirty) {
          job = jobs.poll(IDLE_FLUSH_NANOS, java.util.concurrent.TimeUnit.NANOSECONDS);
          if (job == null) {
            runSafely(flush);
            dirty = false;
            flushed = System.nanoTime();
          }
        }
        if (job == null) {
          job = jobs.take();
        }
        if (job == STOP) {
          return; // close() drained and flushed before it
        }
        runSafely(job);
        dirty = true;
        if (System.nanoTime() - flushed > FLUSH_INTERVAL_NANOS) {
          runSafely(flush);
          dirty = false;
          flushed = System.nanoTime();
        }
      }
    } catch (InterruptedException e) {
      // nobody interrupts this thread; close() stops it with STOP
    }
  }

  private void runSafely(Runnable job) {
    try {
      job.run();
    } catch (RuntimeException e) {
      if (failure == null) {
        failure = e;
      }
    }
  }

  @Override
  public void close() {
    try {
      drain();
    } finally {
      submit(STOP);
    }
  }

  private interface Blocking {
    void run() throws InterruptedException;
  }

  /** A record must not be lost to Ctrl-C, which is when the report matters most. */
  private static void uninterruptibly(Blocking action) {
    boolean interrupted = false;
    while (true) {
      try {
        action.run();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
