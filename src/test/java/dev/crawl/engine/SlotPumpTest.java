package dev.crawl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crawl.core.Task;
import dev.crawl.frontier.Frontier;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlotPumpTest {
  private static final int ROUNDS = 2_000;
  private static final int TASKS = 50;

  private final ExecutorService completions = Executors.newFixedThreadPool(3);

  @AfterEach
  void stop() {
    completions.shutdownNow();
  }

  @Test
  void everyTaskHasFinishedWhenRunReturns() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      AtomicInteger finished = new AtomicInteger();
      SlotPump pump =
          new SlotPump(
              2,
              (task, slot, done) -> {
                // completes on this thread or another one, at a random moment
                Runnable finish = () -> {
                  spin(ThreadLocalRandom.current().nextInt(200));
                  finished.incrementAndGet();
                  done.run();
                };
                if (ThreadLocalRandom.current().nextBoolean()) {
                  completions.execute(finish);
                } else {
                  finish.run();
                }
              },
              task -> {});

      pump.run(tasks(TASKS));

      assertEquals(TASKS, finished.get(), "run() returned before every task had finished (round " + round + ")");
    }
  }

  private static Frontier tasks(int n) {
    AtomicInteger next = new AtomicInteger();
    return () -> {
      int i = next.incrementAndGet();
      return i > n ? null : new Task(i, URI.create("http://127.0.0.1/" + i), "test:" + i, 0);
    };
  }

  private static void spin(int iterations) {
    for (int i = 0; i < iterations; i++) {
      Thread.onSpinWait();
    }
  }
}
