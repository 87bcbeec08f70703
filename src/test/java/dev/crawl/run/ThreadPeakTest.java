package dev.crawl.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A run counts the threads it added by itself, and leaves the JVM's own peak counter alone. */
class ThreadPeakTest {
  private static final int STARTED = 200;

  @Test
  void countsTheThreadsStartedDuringItsRunWithoutResettingTheJvmPeak() throws Exception {
    int jvmPeakBefore = ManagementFactory.getThreadMXBean().getPeakThreadCount();
    CountDownLatch release = new CountDownLatch(1);
    List<Thread> started = new ArrayList<>();
    int added;
    try (ThreadPeak peak = ThreadPeak.start()) {
      for (int i = 0; i < STARTED; i++) {
        Thread t = new Thread(() -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
        t.start();
        started.add(t);
      }
      added = peak.added();
    } finally {
      release.countDown();
      for (Thread t : started) {
        t.join();
      }
    }

    // threads of earlier tests may still be ending: they lower the count, never by half of these
    assertTrue(added >= STARTED / 2, "counted " + added + " of the " + STARTED + " threads started");
    assertTrue(ManagementFactory.getThreadMXBean().getPeakThreadCount() >= jvmPeakBefore, "the JVM's peak was reset");
  }
}
