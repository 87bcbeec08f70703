package dev.crawl.frontier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import redis.clients.jedis.RedisClient;

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
    return frontier(test, lease, RedisFrontier.HostLimits.NONE);
  }

  private RedisFrontier frontier(TestInfo test, Duration lease, RedisFrontier.HostLimits limits) {
    return RedisFrontier.connect(redis.frontier(test.getTestMethod().orElseThrow().getName()), lease, limits, clock);
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
    String keys = "crawl:" + test.getTestMethod().orElseThrow().getName() + ":";
    try (RedisFrontier slow = frontier(test, Duration.ofMillis(1500));
        RedisFrontier other = frontier(test, Duration.ofMillis(1500));
        RedisClient fleet = redis.client()) {
      slow.offer(tasks(2));
      slow.seeded();
      Task mine = slow.next();
      Task theirs = other.next();
      other.finished(done(theirs));
      double firstEnd = leaseEnd(fleet, keys);

      // the fleet's clock moved past the lease as it was taken: only renewals can have kept it
      long ahead = Math.round(firstEnd - redisNow(fleet)) + 200;
      fleet.set(keys + "ahead", Long.toString(ahead));
      double renewedEnd = awaitLeaseEndPast(fleet, keys, redisNow(fleet) + ahead);
      assertTrue(renewedEnd > firstEnd + 200, renewedEnd + " after " + firstEnd);

      Future<Task> attempt = Executors.newVirtualThreadPerTaskExecutor().submit(other::next);
      slow.finished(done(mine));
      assertNull(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> attempt.get()),
          "the other process never took the task whose lease was renewed");
    }
  }

  /** When the one lease held runs out, in the fleet's milliseconds. */
  private static double leaseEnd(RedisClient fleet, String keys) {
    return fleet.zrangeWithScores(keys + "leases", 0, -1).get(0).getScore();
  }

  private static double redisNow(RedisClient fleet) {
    // Redis's own clock, as the scripts read it (before the moved part)
    return ((Number) fleet.eval("local t = redis.call('TIME') return t[1] * 1000 + math.floor(t[2] / 1000)"))
        .doubleValue();
  }

  /** Awaits a renewal made on the moved clock: the lease's end past {@code past} plus most of a lease. */
  private static double awaitLeaseEndPast(RedisClient fleet, String keys, double past) {
    return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      double end;
      while ((end = leaseEnd(fleet, keys)) < past + 1000) {
        java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
      }
      return end;
    });
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

  private static Task on(String host, int n) {
    return new Task(n + 1, URI.create("http://" + host + "/f/" + n), "list:" + (n + 1), 0);
  }

  @Test
  void aHostsCapHoldsForTheWholeFleet(TestInfo test) throws Exception {
    RedisFrontier.HostLimits onePerHost = new RedisFrontier.HostLimits(1, 0);
    try (RedisFrontier a = frontier(test, Duration.ofSeconds(30), onePerHost);
        RedisFrontier b = frontier(test, Duration.ofSeconds(30), onePerHost)) {
      a.offer(List.of(on("127.0.0.1:9", 0), on("127.0.0.1:9", 1)));
      a.offer(List.of(on("127.0.0.2:9", 2)));
      a.seeded();

      Task first = (Task) a.takeOne();
      Task other = (Task) b.takeOne();
      assertEquals(URI.create("http://127.0.0.1:9/f/0"), first.url());
      assertEquals(URI.create("http://127.0.0.2:9/f/2"), other.url(), "the other host, not a second of the first");
      assertNull(b.takeOne(), "each host has its one download in flight");

      a.finished(done(first));
      assertEquals(URI.create("http://127.0.0.1:9/f/1"), ((Task) b.takeOne()).url());
    }
  }

  @Test
  void aHostsRateHoldsForTheWholeFleet(TestInfo test) throws Exception {
    RedisFrontier.HostLimits onceAMinute = new RedisFrontier.HostLimits(0, 1.0 / 60);
    try (RedisFrontier a = frontier(test, Duration.ofSeconds(30), onceAMinute);
        RedisFrontier b = frontier(test, Duration.ofSeconds(30), onceAMinute)) {
      a.offer(List.of(on("127.0.0.1:9", 0), on("127.0.0.1:9", 1)));
      a.seeded();

      a.finished(done((Task) a.takeOne()));
      Object turn = b.takeOne();

      assertInstanceOf(Long.class, turn, "no task: the host's next turn is a minute off");
      assertTrue((Long) turn > 30_000, "next turn in " + turn + " ms");
    }
  }

  @Test
  void aCrawlDelayOneProcessReadHoldsForTheOthers(TestInfo test) throws Exception {
    try (RedisFrontier a = frontier(test, Duration.ofSeconds(30));
        RedisFrontier b = frontier(test, Duration.ofSeconds(30))) {
      a.offer(List.of(on("127.0.0.1:9", 0), on("127.0.0.1:9", 1)));
      a.seeded();

      a.takeOne();
      a.keepCrawlDelay("http://127.0.0.1:9", 60);
      Object turn = b.takeOne();

      assertInstanceOf(Long.class, turn, "no task: robots.txt asked for a minute between requests");
      assertTrue((Long) turn > 30_000, "next turn in " + turn + " ms");
    }
  }

  @Test
  void manyHostsTakeTurns(TestInfo test) throws Exception {
    try (RedisFrontier a = frontier(test, Duration.ofSeconds(30))) {
      List<Task> tasks = new ArrayList<>();
      for (int n = 0; n < 6; n++) {
        tasks.add(on("127.0.0." + (1 + n % 3) + ":9", n));
      }
      a.offer(tasks);
      a.seeded();

      List<String> hosts = new ArrayList<>();
      for (Task t; (t = a.next()) != null; ) {
        hosts.add(t.url().getHost());
        a.finished(done(t));
      }

      assertEquals(6, hosts.size());
      assertEquals(3, hosts.subList(0, 3).stream().distinct().count(), "every host once before any twice: " + hosts);
    }
  }
}
