package dev.crawl.frontier;

import dev.crawl.core.FetchResult;
import dev.crawl.core.Handoff;
import dev.crawl.core.LinkCounts;
import dev.crawl.core.RunClock;
import dev.crawl.core.Shard;
import dev.crawl.core.Task;
import dev.crawl.core.UrlResult;
import dev.crawl.crawl.CrawlBounds;
import dev.crawl.crawl.CrawlOptions;
import dev.crawl.crawl.RobotsCache;
import dev.crawl.crawl.Scope;
import dev.crawl.crawl.Sitemaps;
import dev.crawl.input.SeenSet;
import dev.crawl.input.UrlParser;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The frontier of a recursive crawl: starts with the listed URLs, grows with the links of every
 * saved page up to the depth limit, and ends when nothing is queued and nothing is in flight. The
 * parent owns it in every mode, workers included; each URL is queued once, however it is spelled.
 */
public final class CrawlFrontier implements Frontier, AutoCloseable {
  /** Tasks kept in memory before the rest spill to disk. */
  public static final int IN_MEMORY = 50_000;

  /**
   * A crawl's part of a fleet ({@code --shard}).
   *
   * @param otherStarts the listed URLs of the other shards: the crawl's scope is that of the whole list
   * @param handoff hears each in-scope link to another shard's server, which is not fetched here
   */
  public record Sharding(Shard shard, List<URI> otherStarts, Consumer<Handoff> handoff) {
    public static final Sharding NONE = new Sharding(Shard.ALL, List.of(), h -> {});
  }

  private final SpillingQueue queue;
  private final SeenSet seen = new SeenSet();
  private final Scope scope;
  private final LinkRules rules;
  private final TrapTally traps;
  private final RunClock clock;
  private long nextId = 1;
  private long inFlight;
  private long found;
  private long queued;
  private long duplicate;
  private long outOfScope;
  private long tooDeep;
  private long robotsSkipped;
  private final RobotsGate gate;
  private final Sharding sharding;
  private long handedOff;
  private long fromSitemaps;
  private final List<URI> startUrls = new java.util.ArrayList<>();
  private Sitemaps sitemaps;
  private volatile Thread sitemapReader;
  private boolean closed;

  /**
   * @param robots robots.txt per host, or null to ignore it ({@code --no-robots})
   * @param spillFile where tasks beyond {@code inMemory} wait
   */
  public CrawlFrontier(
      List<Task> starts, Scope scope, int maxDepth, CrawlBounds bounds, RunClock clock, RobotsCache robots,
      Consumer<UrlResult.Skipped> disallowed, int inMemory, Path spillFile, Sharding sharding) {
    this.sharding = sharding;
    this.queue = new SpillingQueue(inMemory, spillFile);
    this.gate = new RobotsGate(robots, disallowed);
    this.scope = scope;
    this.rules = new LinkRules(scope, maxDepth);
    this.traps = new TrapTally(bounds);
    this.clock = clock;
    for (Task t : starts) {
      startUrls.add(t.url());
      if (seen.add(t.url().toString())) {
        queue.add(new Task(nextId++, t.url(), t.origin(), clock.now(), 0, null));
      }
    }
  }

  /** Reads the listed start URLs (invalid and duplicate lines are reported as usual) and scopes to them. */
  public static CrawlFrontier startingWith(
      Frontier list, CrawlOptions options, RunClock clock, RobotsCache robots, Consumer<UrlResult.Skipped> disallowed, Path spillFile,
      Sharding sharding)
      throws InterruptedException {
    List<Task> starts = new java.util.ArrayList<>();
    for (Task t; (t = list.next()) != null; ) {
      starts.add(t);
    }
    List<URI> listed = new java.util.ArrayList<>(starts.stream().map(Task::url).toList());
    listed.addAll(sharding.otherStarts());
    Scope scope = new Scope(listed, options.domains(), options.noParent(), options.include(), options.exclude());
    return new CrawlFrontier(
        starts, scope, options.depth(), options.bounds(), clock, robots, disallowed, IN_MEMORY, spillFile, sharding);
  }

  /**
   * The next task, waiting while downloads in flight may still add links; null when the crawl is
   * done. robots.txt is consulted outside the lock, so fetching it never stalls finishing downloads.
   */
  @Override
  public Task next() throws InterruptedException {
    while (true) {
      Task t;
      synchronized (this) {
        while (queue.isEmpty() && inFlight > 0) {
          wait();
        }
        t = queue.poll();
        if (t == null) {
          return null;
        }
        inFlight++;
      }
      if (gate.admit(t)) {
        return t;
      }
      synchronized (this) {
        inFlight--;
        robotsSkipped++;
        notifyAll();
      }
    }
  }

  /** Takes a finished download's links into the frontier; called for every task handed out. */
  public synchronized void finished(FetchResult result) {
    inFlight--;
    if (result instanceof UrlResult.OnDisk saved) {
      found += traps.take(saved.found(), (link, requisite) -> offer(link, saved.task(), requisite));
    }
    notifyAll();
  }

  /**
   * Counts each link once, by the first reason that stops it: duplicate, depth, scope. Links come
   * normalised, so the seen-set is asked before any parsing. What a page needs to show (a
   * requisite) is fetched beyond the depth limit and above the start path, as in GNU wget.
   */
  private void offer(String link, Task from, boolean requisite) {
    found++;
    if (seen.contains(link)) {
      duplicate++;
      return;
    }
    URI url = UrlParser.parse(link).url();
    if (url == null || !url.toString().equals(link) && seen.contains(url.toString())) {
      duplicate++;
      return;
    }
    LinkRules.Refused refused = rules.refuse(url, from, requisite);
    if (refused == LinkRules.Refused.TOO_DEEP) {
      tooDeep++;
      return;
    }
    if (refused == LinkRules.Refused.OUT_OF_SCOPE) {
      outOfScope++;
      return;
    }
    if (traps.caught(url)) {
      return;
    }
    seen.add(url.toString());
    if (!sharding.shard().owns(url)) {
      handedOff++;
      sharding.handoff().accept(new Handoff(url, from.url(), from.depth() + 1, Shard.of(url, sharding.shard().count())));
      return;
    }
    queued++;
    queue.add(LinkRules.task(nextId++, url, from, clock.now()));
  }

  /** Which links the crawl follows; downloads keep their redirects inside it too. */
  public Scope scope() {
    return scope;
  }

  /** Tasks that went through the spill file, for the report. */
  public synchronized long spilled() {
    return queue.spilledTotal();
  }

  /**
   * {@code --sitemaps}: reads the start servers' sitemaps on a thread of its own while the crawl
   * goes on; their URLs come in as links of their sitemaps, and the crawl does not end before the
   * last is in.
   */
  public void readSitemaps(Sitemaps sitemaps, RobotsCache robots) {
    synchronized (this) {
      inFlight++; // the reader counts as a page being read: its links are still to come
      this.sitemaps = sitemaps;
    }
    sitemapReader = Thread.ofPlatform().daemon().name("crawl-sitemaps").start(() -> {
      try {
        sitemaps.read(startUrls, robots, this::fromSitemap);
      } catch (InterruptedException e) {
        // the run is closing
      } catch (RuntimeException e) {
        // a sitemap that cannot be read adds nothing; the crawl goes on without it
      } finally {
        synchronized (this) {
          inFlight--;
          notifyAll();
        }
      }
    });
  }

  private synchronized void fromSitemap(URI sitemap, String url) {
    if (closed) {
      return;
    }
    fromSitemaps++;
    offer(url, new Task(0, sitemap, sitemap.toString(), clock.now(), 0, null), false);
    notifyAll();
  }

  @Override
  public void close() {
    Thread reader = sitemapReader;
    synchronized (this) {
      closed = true;
    }
    if (reader != null) {
      sitemaps.close(); // ends a sitemap being read: its connection goes
      reader.interrupt();
      try {
        reader.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      queue.close();
    }
  }

  public synchronized LinkCounts links() {
    return new LinkCounts(found, queued, duplicate, outOfScope, tooDeep, robotsSkipped,
        gate.respected() ? "respected" : "ignored (--no-robots)", handedOff, fromSitemaps, traps.counts());
  }
}
