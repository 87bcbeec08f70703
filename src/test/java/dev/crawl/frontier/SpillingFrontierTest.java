package dev.crawl.frontier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crawl.core.Discovered;
import dev.crawl.core.FetchResult;
import dev.crawl.core.FetchTimings;
import dev.crawl.core.RunClock;
import dev.crawl.core.Task;
import dev.crawl.core.UrlResult;
import dev.crawl.crawl.Scope;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillingFrontierTest {
  @TempDir Path tmp;

  @Test
  void keepsFifoOrderAcrossMemoryAndDisk() {
    SpillingQueue q = new SpillingQueue(3, tmp.resolve("q.spill"));
    for (int i = 0; i < 10; i++) {
      q.add(new Task(i, URI.create("http://h/" + i), "o", i, 1, URI.create("http://h/")));
    }
    List<Long> order = new ArrayList<>();
    for (Task t; (t = q.poll()) != null; ) {
      order.add(t.id());
      if (t.id() == 4) {
        q.add(new Task(10, URI.create("http://h/10"), "o", 10, 2, null));
      }
    }
    assertEquals(LongList.upTo(11), order);
    assertEquals(8, q.spilledTotal());
    q.close();
    assertFalse(Files.exists(tmp.resolve("q.spill")));
  }

  @Test
  void aFrontierThatSpillsHandsOutEveryLinkOnceWithItsDepthAndReferrer() throws Exception {
    URI start = URI.create("http://h/0");
    Path spill = tmp.resolve("frontier.spill");
    CrawlFrontier f = new CrawlFrontier(List.of(new Task(1, start, "list:1", 0)),
        new Scope(List.of(start), List.of(), false, List.of(), List.of()), 3, dev.crawl.crawl.CrawlBounds.DEFAULTS, new RunClock(), null, skipped -> {}, 2, spill, CrawlFrontier.Sharding.NONE);

    List<Task> handedOut = new ArrayList<>();
    for (Task t; (t = f.next()) != null; ) {
      handedOut.add(t);
      int n = Integer.parseInt(t.url().getPath().substring(1));
      List<String> links = IntStream.of(2 * n + 1, 2 * n + 2, n).mapToObj(i -> "http://h/" + i).toList();
      f.finished(saved(t, links));
    }

    assertEquals(15, handedOut.size(), "a binary tree of depth 3");
    assertEquals(LongList.upTo(15), handedOut.stream().map(t -> Long.parseLong(t.url().getPath().substring(1))).toList());
    assertEquals(3, handedOut.get(14).depth());
    assertEquals(URI.create("http://h/6"), handedOut.get(14).referrer());
    assertTrue(f.spilled() > 0);
    f.close();
    assertFalse(Files.exists(spill));
    assertNull(f.next());
  }

  private static FetchResult saved(Task t, List<String> links) {
    return new UrlResult.Saved(t, t.url(), 200, 1, new FetchTimings(0, 0, 0, 0, "main"),
        new UrlResult.StoredFile(1, "p", "0"),
        new UrlResult.Served("text/html", null, dev.crawl.core.Validators.NONE),
        new Discovered(null, links, List.of()));
  }

  /** 0, 1, ..., n-1 as a list of longs. */
  private static final class LongList {
    static List<Long> upTo(long n) {
      List<Long> l = new ArrayList<>();
      for (long i = 0; i < n; i++) {
        l.add(i);
      }
      return l;
    }
  }
}
