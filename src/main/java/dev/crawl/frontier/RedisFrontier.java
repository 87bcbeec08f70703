package dev.crawl.frontier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawl.core.FetchResult;
import dev.crawl.core.LinkCounts;
import dev.crawl.core.Origin;
import dev.crawl.core.RunClock;
import dev.crawl.core.Task;
import dev.crawl.core.UrlResult;
import dev.crawl.crawl.CrawlOptions;
import dev.crawl.crawl.RobotsCache;
import dev.crawl.crawl.Scope;
import dev.crawl.input.SeenSet;
import dev.crawl.input.UrlParser;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A frontier that any number of crawl processes, on any machines, work together through one Redis
 * ({@code --frontier redis://HOST:PORT/NAME}), the way scrapy-redis shares a Scrapy crawl. Under
 * {@code crawl:NAME:} it keeps
 * <ul>
 *   <li>{@code seen}: a set of 64-bit URL hashes (16 hex digits each, whatever the URL's length):
 *       each URL is queued once across the fleet;
 *   <li>{@code queue:HOST}: a list of tasks waiting per host, and {@code ready}: the hosts with
 *       tasks waiting, by when the fleet may next send them one;
 *   <li>{@code leases}: a sorted set of the tasks taken, scored by when the lease runs out. A task is
 *       leased, not removed: a process that dies (even by {@code kill -9}) stops renewing its
 *       leases, and the next take puts the expired ones back in the queue for another process;
 *   <li>{@code busy}, {@code next} and {@code delay}: per host, its leases, its next turn and its
 *       Crawl-delay, so that --per-host, --rate and Crawl-delay hold for the fleet, not per process;
 *   <li>{@code seeded}: set once a process has put the whole list in.
 * </ul>
 * The crawl ends when it is seeded and nothing is queued or leased. Each step is one Lua script
 * ({@link FleetScripts}), so two processes never take the same task. Per URL that is three round
 * trips: an offer (with the others of its list chunk), a take and a finish; the lease renewals are
 * one per process a second.
 */
public final class RedisFrontier implements Frontier, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Waits between looks at an empty queue whose leases may still add work or run out. */
  private static final long MIN_POLL_MS = 20;
  private static final long MAX_POLL_MS = 200;
  private static final Object DONE = new Object();
  private static final Object REFUSED = new Object();

  /** One task as the fleet shares it; {@code host} is its origin, for the per-host limits. */
  record Shared(String url, String host, String source, int depth, String referrer) {}

  /**
   * The per-host limits the fleet keeps together: what --per-host and --rate ask of each process,
   * given the same to every process of a fleet.
   *
   * @param perHost leases of one host at once across the fleet; 0 for no cap
   * @param rate requests per second to one host across the fleet; 0 for no limit
   */
  public record HostLimits(int perHost, double rate) {
    public static final HostLimits NONE = new HostLimits(0, 0);

    String gapMillis() {
      return rate > 0 ? Double.toString(1000 / rate) : "0";
    }
  }

  private final RedisClient redis;
  // every script's one key: the rest are derived from it
  private final List<String> prefix;
  private final String seeded;
  private final String starts;
  private final long leaseMs;
  private final HostLimits limits;
  private final RunClock clock;
  private final String take;
  private final String offer;
  private final String renew;
  private final String finish;
  private final String release;
  private final String crawlDelay;
  private final Map<Long, String> held = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1);
  private final ScheduledExecutorService renewals;
  private volatile boolean stopping;
  // counts the leases this process ended, for its callers waiting on an empty queue
  private final Object changed = new Object();
  private long changes;
  // set for a recursive crawl: which links to follow, robots.txt, and what became of the links
  private volatile Crawling crawling;

  /** A crawl's part: its rules, and the counts of its links (this process's pages' links). */
  private static final class Crawling {
    final LinkRules rules;
    final TrapTally traps;
    final RobotsGate gate;
    final SeenSet offered = new SeenSet();
    // hosts whose Crawl-delay this process has told the fleet
    final Set<String> delaysTold = new HashSet<>();
    long found;
    long queued;
    long duplicate;
    long outOfScope;
    long tooDeep;
    long robotsSkipped;

    Crawling(LinkRules rules, TrapTally traps, RobotsGate gate) {
      this.rules = rules;
      this.traps = traps;
      this.gate = gate;
    }
  }

  private RedisFrontier(RedisClient redis, String name, Duration lease, HostLimits limits, RunClock clock) {
    this.redis = redis;
    String prefix = "crawl:" + name + ":";
    this.prefix = List.of(prefix);
    this.seeded = prefix + "seeded";
    this.starts = prefix + "starts";
    this.leaseMs = lease.toMillis();
    this.limits = limits;
    this.clock = clock;
    this.take = redis.scriptLoad(FleetScripts.TAKE);
    this.offer = redis.scriptLoad(FleetScripts.OFFER);
    this.renew = redis.scriptLoad(FleetScripts.RENEW);
    this.finish = redis.scriptLoad(FleetScripts.FINISH);
    this.release = redis.scriptLoad(FleetScripts.RELEASE);
    this.crawlDelay = redis.scriptLoad(FleetScripts.CRAWL_DELAY);
    this.renewals = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "crawl-lease-renewal");
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(50, leaseMs / 3);
    renewals.scheduleWithFixedDelay(this::renewHeld, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * @param address {@code redis://HOST:PORT/NAME}: NAME is the crawl's, shared by its processes
   * @param lease how long a taken task is this process's before another may take it, renewed while
   *     the download lasts
   * @param limits the per-host limits this process keeps to with the others
   * @throws FrontierException when Redis cannot be reached, with the line a user sees
   */
  public static RedisFrontier connect(URI address, Duration lease, HostLimits limits, RunClock clock) {
    Address a = Address.of(address);
    RedisClient redis = RedisClient.create(a.host(), a.port());
    try {
      redis.ping();
      return new RedisFrontier(redis, a.name(), lease, limits, clock);
    } catch (JedisException e) {
      redis.close();
      throw new FrontierException("cannot reach the frontier's Redis at " + a.host() + ":" + a.port() + ": "
          + e.getMessage() + " (start one: apt-get install redis-server, or any Redis 6+)", e);
    }
  }

  /** Where a frontier lives: {@code redis://HOST:PORT/NAME}. */
  public record Address(String host, int port, String name) {
    public static Address of(URI u) {
      String name = u.getPath() == null ? "" : u.getPath().replaceFirst("^/", "");
      if (!"redis".equals(u.getScheme()) || u.getHost() == null || name.isEmpty() || name.contains("/")) {
        throw new FrontierException("write a shared frontier as redis://HOST:PORT/NAME (NAME: the crawl's, shared"
            + " by its processes), not " + u, null);
      }
      return new Address(u.getHost(), u.getPort() < 0 ? 6379 : u.getPort(), name);
    }
  }

  /** Puts tasks in, each URL once across the fleet; returns how many were new. */
  public long offer(List<Task> tasks) {
    if (tasks.isEmpty()) {
      return 0;
    }
    List<String> args = new ArrayList<>(tasks.size() * 3);
    for (Task t : tasks) {
      addTask(args, t.url(), t.origin(), t.depth(), t.referrer());
    }
    return (Long) redis.evalsha(offer, prefix, args);
  }

  /** Keeps the listed start URLs of a crawl: every process scopes its crawl by them. */
  public void addStarts(List<Task> listed) {
    if (!listed.isEmpty()) {
      redis.sadd(starts, listed.stream().map(t -> t.url().toString()).toArray(String[]::new));
    }
  }

  /**
   * Makes this process's part a recursive crawl: once the list is in, its start URLs give the scope
   * (so every process, given the same options, follows the same links), and the links of each page
   * this process saves go into the fleet's queue as its lease ends.
   *
   * @return the crawl's scope, which redirects keep to as well
   */
  public Scope crawl(CrawlOptions options, RobotsCache robots, Consumer<UrlResult.Skipped> disallowed)
      throws InterruptedException {
    long poll = MIN_POLL_MS;
    while (!"1".equals(redis.get(seeded))) {
      Thread.sleep(poll); // the process with the list is still putting it in
      poll = Math.min(MAX_POLL_MS, poll * 2);
    }
    List<URI> listed = redis.smembers(starts).stream().map(URI::create).toList();
    Scope scope = new Scope(listed, options.domains(), options.noParent(), options.include(), options.exclude());
    crawling = new Crawling(new LinkRules(scope, options.depth()), new TrapTally(options.bounds()),
        new RobotsGate(robots, disallowed));
    return scope;
  }

  /** What became of the links of this process's pages; null for a list. */
  public LinkCounts links() {
    Crawling c = crawling;
    if (c == null) {
      return null;
    }
    synchronized (c) {
      return new LinkCounts(c.found, c.queued, c.duplicate, c.outOfScope, c.tooDeep, c.robotsSkipped,
          c.gate.respected() ? "respected" : "ignored (--no-robots)", 0, 0, c.traps.counts());
    }
  }

  /** Says the whole list is in: from now on, an empty queue with no leases is the end. */
  public void seeded() {
    redis.set(seeded, "1");
  }

  @Override
  public Task next() throws InterruptedException {
    long poll = MIN_POLL_MS;
    while (true) {
      long seenChanges;
      synchronized (changed) {
        seenChanges = changes;
      }
      Object got = takeOne();
      if (got instanceof Task task) {
        return task;
      }
      if (got == DONE) {
        return null;
      }
      if (got == REFUSED) {
        continue;
      }
      if (got instanceof Long turn) {
        Thread.sleep(Math.min(MAX_POLL_MS, turn)); // every waiting host's next turn is this far off
        continue;
      }
      // queued work may still come from leases in flight here or elsewhere, or from leases that
      // run out: a lease this process ends wakes it at once, the others' are seen by looking again
      awaitChange(seenChanges, poll);
      poll = Math.min(MAX_POLL_MS, poll * 2);
    }
  }

  /** Waits until a lease of this process ends after {@code seen} changes, or {@code millis} pass. */
  private void awaitChange(long seen, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    synchronized (changed) {
      while (changes == seen) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        TimeUnit.NANOSECONDS.timedWait(changed, left);
      }
    }
  }

  /** A lease of this process ended: its page's links may be queued, its host may have room. */
  private void leaseEnded() {
    synchronized (changed) {
      changes++;
      changed.notifyAll();
    }
  }

  /**
   * One look at the fleet's queue: a task this process may fetch now, {@link #DONE}, {@link
   * #REFUSED} (a task robots.txt refused, reported and done with), the milliseconds until a host's
   * next turn, or null when only leases elsewhere can bring work.
   */
  Object takeOne() throws InterruptedException {
    Object got = redis.evalsha(take, prefix,
        List.of(Long.toString(leaseMs), Integer.toString(limits.perHost()), limits.gapMillis()));
    if (got instanceof Long turn) {
      return turn;
    }
    if (!(got instanceof String member)) {
      return null;
    }
    if (member.equals("done")) {
      return DONE;
    }
    Shared shared = parse(member);
    long id = nextId.getAndIncrement();
    held.put(id, member);
    Task task = new Task(id, URI.create(shared.url()), shared.source(), clock.now(), shared.depth(),
        shared.referrer() == null ? null : URI.create(shared.referrer()));
    Crawling c = crawling;
    if (c == null) {
      return task;
    }
    if (c.gate.admit(task)) {
      tellCrawlDelay(c, shared.host(), c.gate.crawlDelaySeconds(task.url()));
      return task;
    }
    held.remove(id); // refused by robots.txt: reported, and done for the fleet
    redis.evalsha(finish, prefix, List.of(member));
    synchronized (c) {
      c.robotsSkipped++;
    }
    return REFUSED;
  }

  /** The first time this process reads a host's Crawl-delay, the fleet keeps to it from then on. */
  private void tellCrawlDelay(Crawling c, String host, double seconds) {
    if (seconds <= 0) {
      return;
    }
    synchronized (c) {
      if (!c.delaysTold.add(host)) {
        return;
      }
    }
    keepCrawlDelay(host, seconds);
  }

  /** From now on, the fleet's requests to this host are this far apart (its Crawl-delay). */
  void keepCrawlDelay(String host, double seconds) {
    redis.evalsha(crawlDelay, prefix, List.of(host, Long.toString(Math.round(seconds * 1000))));
  }

  /**
   * This process is being stopped (a signal): what it reports from now on was cut short, and goes
   * back to the queue at {@link #close} for the others, instead of counting as done.
   */
  public void stopping() {
    stopping = true;
  }

  /** A task this process took is done: its lease ends, whatever became of it. */
  public void finished(FetchResult result) {
    if (stopping) {
      return;
    }
    String member = held.remove(result.task().id());
    if (member == null) {
      return;
    }
    Crawling c = crawling;
    if (c == null || !(result instanceof UrlResult.OnDisk saved)) {
      redis.evalsha(finish, prefix, List.of(member));
      leaseEnded();
      return;
    }
    // the page's links go in before its lease ends, in one script: the fleet never sees neither
    List<String> args = new ArrayList<>();
    args.add(member);
    int[] candidates = {0};
    synchronized (c) {
      c.found += c.traps.take(saved.found(),
          (link, requisite) -> candidates[0] += follow(c, link, saved.task(), requisite, args));
    }
    long added = (Long) redis.evalsha(finish, prefix, args);
    leaseEnded();
    synchronized (c) {
      c.queued += added;
      c.duplicate += candidates[0] - added;
    }
  }

  /** Adds a link to the finish script's arguments if the crawl follows it; returns 1 if it did. */
  private int follow(Crawling c, String link, Task from, boolean requisite, List<String> args) {
    c.found++;
    // links come normalised: most repeat (a sidebar on every page), and are known before parsing
    if (!c.offered.add(link)) {
      c.duplicate++; // this process already looked at it: the fleet's seen-set need not hear it again
      return 0;
    }
    URI url = UrlParser.parse(link).url();
    if (url == null || !url.toString().equals(link) && !c.offered.add(url.toString())) {
      c.duplicate++;
      return 0;
    }
    LinkRules.Refused refused = c.rules.refuse(url, from, requisite);
    if (refused != null) {
      if (refused == LinkRules.Refused.TOO_DEEP) {
        c.tooDeep++;
      } else {
        c.outOfScope++;
      }
      return 0;
    }
    if (c.traps.caught(url)) {
      return 0;
    }
    Task t = LinkRules.task(0, url, from, 0);
    addTask(args, url, t.origin(), t.depth(), from.url());
    return 1;
  }

  /** A task as the scripts take it: its URL's hash, its host, and the task. */
  private static void addTask(List<String> args, URI url, String source, int depth, URI referrer) {
    String host = Origin.of(url);
    args.add(Long.toHexString(SeenSet.hash(url.toString())));
    args.add(host);
    args.add(json(new Shared(url.toString(), host, source, depth, referrer == null ? null : referrer.toString())));
  }

  private void renewHeld() {
    List<String> members = new ArrayList<>(held.values());
    if (members.isEmpty()) {
      return;
    }
    List<String> args = new ArrayList<>(members.size() + 1);
    args.add(Long.toString(leaseMs));
    args.addAll(members);
    try {
      redis.evalsha(renew, prefix, args);
    } catch (JedisException e) {
      // the next renewal tries again; a lease that runs out meanwhile is fetched again elsewhere
    }
  }

  private static String json(Shared s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Shared parse(String member) {
    try {
      return JSON.readValue(member, Shared.class);
    } catch (JsonProcessingException e) {
      throw new FrontierException("the shared frontier holds a task crawl cannot read: " + member, e);
    }
  }

  /** What SIGKILL leaves behind, for tests: the leases held, no more renewals, no release. */
  void killed() {
    renewals.shutdownNow();
    redis.close();
  }

  /** Hands the tasks still held back to the queue at once, rather than after their leases run out. */
  @Override
  public void close() {
    renewals.shutdownNow();
    List<String> unfinished = new ArrayList<>(held.values());
    try {
      if (!unfinished.isEmpty()) {
        redis.evalsha(release, prefix, unfinished);
      }
    } catch (JedisException e) {
      // their leases run out instead
    } finally {
      redis.close();
    }
  }

  /** The shared frontier cannot be used; the message is the line a user sees. */
  public static final class FrontierException extends RuntimeException {
    FrontierException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
