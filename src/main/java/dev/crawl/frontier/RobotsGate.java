package dev.crawl.frontier;

import dev.crawl.core.Origin;
import dev.crawl.core.Task;
import dev.crawl.core.UrlResult;
import dev.crawl.crawl.Robots;
import dev.crawl.crawl.RobotsCache;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * robots.txt for the links a crawl found: a disallowed one is reported as skipped, an allowed one
 * waits out its origin's Crawl-delay. Listed URLs are fetched as asked, like wget.
 */
final class RobotsGate {
  private final RobotsCache robots;
  private final Consumer<UrlResult.Skipped> disallowed;
  private final Map<String, Long> nextVisit = new HashMap<>();

  /** @param robots robots.txt per host, or null to ignore it ({@code --no-robots}) */
  RobotsGate(RobotsCache robots, Consumer<UrlResult.Skipped> disallowed) {
    this.robots = robots;
    this.disallowed = disallowed;
  }

  boolean respected() {
    return robots != null;
  }

  /** True when the task may be fetched now (after any Crawl-delay); false when robots.txt refused it. */
  boolean admit(Task t) throws InterruptedException {
    if (robots == null || t.depth() == 0) {
      return true;
    }
    Robots rules = robots.forUrl(t.url());
    if (!rules.allows(t.url())) {
      disallowed.accept(UrlResult.Skipped.refused(t, "disallowed by robots.txt"));
      return false;
    }
    waitForCrawlDelay(t.url(), rules.crawlDelaySeconds());
    return true;
  }

  /** The Crawl-delay of the URL's origin, once its robots.txt has been read; 0 without one. */
  double crawlDelaySeconds(URI url) {
    return robots == null ? 0 : robots.forUrl(url).crawlDelaySeconds();
  }

  /** Honours Crawl-delay: visits to one origin at least that far apart. */
  private void waitForCrawlDelay(URI url, double seconds) throws InterruptedException {
    if (seconds <= 0) {
      return;
    }
    long gap = (long) (seconds * 1e9);
    long wait;
    synchronized (nextVisit) {
      long now = System.nanoTime();
      // per origin, as robots.txt (and so its Crawl-delay) is
      String origin = Origin.of(url);
      long at = Math.max(now, nextVisit.getOrDefault(origin, now));
      nextVisit.put(origin, at + gap);
      wait = at - now;
    }
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }
}
