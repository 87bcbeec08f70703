package dev.crawl.frontier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.crawl.core.FetchTimings;
import dev.crawl.core.RunClock;
import dev.crawl.core.Task;
import dev.crawl.core.UrlResult;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class RedisFrontierTest {
  private static TestRedis redis;
  private final RunClock clock = new RunClock();

  @BeforeAll
  static void start() throws Exception {
    redis = new TestRedis();
  }

  @AfterAll
  static void stop() throws Exception {
    redis.close();
  }

  private static List<Task> tasks(int n) {
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      tasks.add(new Task(i + 1, URI.create("http://127.0.0.1:9/f/" + i), "list:" + (i + 1), 0));
    }
    return tasks;
  }

  private static UrlResult.Failed done(Task t) {
    return new UrlResult.Failed(t, t.url(), 0, "test", 1, new FetchTimings(0, 0, -1, 0, "test"));
  }

  private RedisFrontier frontier(TestInfo test, Duration lease) {
    return RedisFrontier.connect(redis.frontier(test.getTestMethod().orElseThrow().getName()), lease, clock);
  }

  @Test
  void twoProcessesTakeEveryListedUrlExactlyOnceAndBothSeeTheEnd(TestInfo test) throws Exception {
    try (RedisFrontier a = frontier(test, Duration.ofSeconds(30));
        RedisFrontier b = frontier(test, Duration.ofSeconds(30))) {
      assertEquals(500, a.offer(tasks(500)));
      assertEquals(0, b.offer(tasks(500)), "the same list seeded again adds nothing");
      a.seeded();
      ConcurrentLinkedQueue<String> taken = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> workers = new ArrayList<>();
        for (RedisFrontier f : List.of(a, b, a, b)) {
          workers.add(pool.submit(() -> {
            for (Task t; (t = f.next()) != null; ) {
              taken.add(t.url().toString());
              f.finished(done(t));
            }
            return null;
          }));
        }
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
          for (Future<?> w : workers) {
            w.get();
          }
        });
      } finally {
        pool.shutdownNow();
      }
      assertEquals(500, taken.size());
      assertEquals(500, taken.stream().distinct().count());
    }
  }

  @Test
  void aTaskWhoseProcessDiedGoesToAnotherOnceItsLeaseRunsOut(TestInfo test) throws Exception {
    RedisFrontier dies = frontier(test, Duration.ofMillis(300));
    dies.offer(tasks(1));
    dies.seeded();
    Task lost = dies.next();
    dies.killed();

    try (RedisFrontier survivor = frontier(test, Duration.ofMillis(300))) {
      Task again = assertTimeoutPreemptively(Duration.ofSeconds(20), survivor::next);
      assertEquals(lost.url(), again.url());
      survivor.finished(done(again));
      assertNull(assertTimeoutPreemptively(Duration.ofSeconds(20), survivor::next));
    }
  }

  @Test
  void aStoppedProcessHandsWhatWasUnderWayBackAtOnce(TestInfo test) throws Exception {
    try (RedisFrontier other = frontier(test, Duration.ofSeconds(60))) {
      RedisFrontier stopped = frontier(test, Duration.ofSeconds(60));
      stopped.offer(tasks(1));
      stopped.seeded();
      Task cut = stopped.next();
      stopped.stopping();
      stopped.finished(done(cut)); // reported as interrupted: not done for the fleet
      stopped.close();

      // long before its 60 s lease would run out
      Task again = assertTimeoutPreemptively(Duration.ofSeconds(20), other::next);
      assertEquals(cut.url(), again.url());
    }
  }

  @Test
  void aLeaseIsRenewedWhileItsDownloadLasts(TestInfo test) throws Exception {
    try (RedisFrontier slow = frontier(test, Duration.ofMillis(1500));
        RedisFrontier other = frontier(test, Duration.ofMillis(1500))) {
      slow.offer(tasks(2));
      slow.seeded();
      Task mine = slow.next();
      Task theirs = other.next();
      other.finished(done(theirs));
      // what is tested is time passing: well past one lease, the slow download's task has not gone
      // to the other process (renewals come every half second; a late one has a second to spare)
      Thread.sleep(4000);
      Future<Task> attempt = Executors.newVirtualThreadPerTaskExecutor().submit(other::next);
      slow.finished(done(mine));
      assertNull(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> attempt.get()));
    }
  }

  @Test
  void aProcessWaitsUntilTheListIsInBeforeItCallsTheCrawlDone(TestInfo test) throws Exception {
    try (RedisFrontier early = frontier(test, Duration.ofSeconds(30));
        RedisFrontier seeder = frontier(test, Duration.ofSeconds(30))) {
      Future<Task> first = Executors.newVirtualThreadPerTaskExecutor().submit(early::next);
      seeder.offer(tasks(1));
      seeder.seeded();

      Task t = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> first.get());
      assertEquals(URI.create("http://127.0.0.1:9/f/0"), t.url());
    }
  }
}
