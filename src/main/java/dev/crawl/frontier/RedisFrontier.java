package dev.crawl.frontier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawl.core.FetchResult;
import dev.crawl.core.LinkCounts;
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
import java.util.List;
import java.util.Map;
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
 *   <li>{@code queue}: a list of tasks waiting;
 *   <li>{@code leases}: a sorted set of the tasks taken, scored by when the lease runs out. A task is
 *       leased, not removed: a process that dies (even by {@code kill -9}) stops renewing its
 *       leases, and the next take puts the expired ones back in the queue for another process;
 *   <li>{@code seeded}: set once a process has put the whole list in.
 * </ul>
 * The crawl ends when it is seeded and nothing is queued or leased. Each step is one Lua script, so
 * two processes never take the same task. Per URL that is three round trips: an offer (with the
 * others of its list chunk), a take and a finish; the lease renewals are one per process a second.
 */
public final class RedisFrontier implements Frontier, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TAKE = """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 100)
      for _, m in ipairs(expired) do
        redis.call('ZREM', KEYS[2], m)
        redis.call('LPUSH', KEYS[1], m)
      end
      local task = redis.call('LPOP', KEYS[1])
      if task then
        redis.call('ZADD', KEYS[2], now + tonumber(ARGV[1]), task)
        return task
      end
      if redis.call('GET', KEYS[3]) == '1' and redis.call('ZCARD', KEYS[2]) == 0 then
        return 'done'
      end
      return false
      """;
  private static final String OFFER = """
      local added = 0
      for i = 1, #ARGV, 2 do
        if redis.call('SADD', KEYS[1], ARGV[i]) == 1 then
          redis.call('RPUSH', KEYS[2], ARGV[i + 1])
          added = added + 1
        end
      end
      return added
      """;
  private static final String FINISH = """
      local added = 0
      for i = 2, #ARGV, 2 do
        if redis.call('SADD', KEYS[1], ARGV[i]) == 1 then
          redis.call('RPUSH', KEYS[2], ARGV[i + 1])
          added = added + 1
        end
      end
      redis.call('ZREM', KEYS[3], ARGV[1])
      return added
      """;
  private static final String RELEASE = """
      for i = 1, #ARGV do
        if redis.call('ZREM', KEYS[2], ARGV[i]) == 1 then
          redis.call('LPUSH', KEYS[1], ARGV[i])
        end
      end
      return #ARGV
      """;
  private static final String RENEW = """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      for i = 2, #ARGV do
        redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[1]), ARGV[i])
      end
      return #ARGV - 1
      """;
  /** Waits between looks at an empty queue whose leases may still add work or run out. */
  private static final long MIN_POLL_MS = 20;
  private static final long MAX_POLL_MS = 500;

  /** One task as the fleet shares it. */
  record Shared(String url, String source, int depth, String referrer) {}

  private final RedisClient redis;
  private final String queue;
  private final String seen;
  private final String leases;
  private final String seeded;
  private final String starts;
  private final long leaseMs;
  private final RunClock clock;
  private final String take;
  private final String offer;
  private final String renew;
  private final String finish;
  private final Map<Long, String> held = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1);
  private final ScheduledExecutorService renewals;
  private volatile boolean stopping;
  // set for a recursive crawl: which links to follow, robots.txt, and what became of the links
  private volatile Crawling crawling;

  /** A crawl's part: its rules, and the counts of its links (this process's pages' links). */
  private static final class Crawling {
    final LinkRules rules;
    final RobotsGate gate;
    final SeenSet offered = new SeenSet();
    long found;
    long queued;
    long duplicate;
    long outOfScope;
    long tooDeep;
    long robotsSkipped;

    Crawling(LinkRules rules, RobotsGate gate) {
      this.rules = rules;
      this.gate = gate;
    }
  }

  private RedisFrontier(RedisClient redis, String name, Duration lease, RunClock clock) {
    this.redis = redis;
    String prefix = "crawl:" + name + ":";
    this.queue = prefix + "queue";
    this.seen = prefix + "seen";
    this.leases = prefix + "leases";
    this.seeded = prefix + "seeded";
    this.starts = prefix + "starts";
    this.leaseMs = lease.toMillis();
    this.clock = clock;
    this.take = redis.scriptLoad(TAKE);
    this.offer = redis.scriptLoad(OFFER);
    this.renew = redis.scriptLoad(RENEW);
    this.finish = redis.scriptLoad(FINISH);
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
   * @throws FrontierException when Redis cannot be reached, with the line a user sees
   */
  public static RedisFrontier connect(URI address, Duration lease, RunClock clock) {
    Address a = Address.of(address);
    RedisClient redis = RedisClient.create(a.host(), a.port());
    try {
      redis.ping();
      return new RedisFrontier(redis, a.name(), lease, clock);
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
    List<String> args = new ArrayList<>(tasks.size() * 2);
    for (Task t : tasks) {
      args.add(Long.toHexString(SeenSet.hash(t.url().toString())));
      args.add(json(new Shared(t.url().toString(), t.origin(), t.depth(),
          t.referrer() == null ? null : t.referrer().toString())));
    }
    return (Long) redis.evalsha(offer, List.of(seen, queue), args);
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
    crawling = new Crawling(new LinkRules(scope, options.depth()), new RobotsGate(robots, disallowed));
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
          c.gate.respected() ? "respected" : "ignored (--no-robots)", 0);
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
      Object got = redis.evalsha(take, List.of(queue, leases, seeded), List.of(Long.toString(leaseMs)));
      if (got instanceof String s && s.equals("done")) {
        return null;
      }
      if (got instanceof String member) {
        Shared shared = parse(member);
        long id = nextId.getAndIncrement();
        held.put(id, member);
        Task task = new Task(id, URI.create(shared.url()), shared.source(), clock.now(), shared.depth(),
            shared.referrer() == null ? null : URI.create(shared.referrer()));
        Crawling c = crawling;
        if (c == null || c.gate.admit(task)) {
          return task;
        }
        held.remove(id); // refused by robots.txt: reported, and done for the fleet
        redis.zrem(leases, member);
        synchronized (c) {
          c.robotsSkipped++;
        }
        continue;
      }
      // queued work may still come from leases in flight elsewhere, or from leases that run out
      Thread.sleep(poll);
      poll = Math.min(MAX_POLL_MS, poll * 2);
    }
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
    if (c == null || !(result instanceof UrlResult.Saved saved)) {
      redis.zrem(leases, member);
      return;
    }
    // the page's links go in before its lease ends, in one script: the fleet never sees neither
    List<String> args = new ArrayList<>();
    args.add(member);
    int candidates = 0;
    synchronized (c) {
      for (String link : saved.found().links()) {
        candidates += follow(c, link, saved.task(), false, args);
      }
      for (String link : saved.found().requisites()) {
        candidates += follow(c, link, saved.task(), true, args);
      }
    }
    long added = (Long) redis.evalsha(finish, List.of(seen, queue, leases), args);
    synchronized (c) {
      c.queued += added;
      c.duplicate += candidates - added;
    }
  }

  /** Adds a link to the finish script's arguments if the crawl follows it; returns 1 if it did. */
  private int follow(Crawling c, String link, Task from, boolean requisite, List<String> args) {
    c.found++;
    URI url = UrlParser.parse(link).url();
    if (url == null || !c.offered.add(url.toString())) {
      c.duplicate++; // this process already offered it: the fleet's seen-set need not hear it again
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
    Task t = LinkRules.task(0, url, from, 0);
    args.add(Long.toHexString(SeenSet.hash(url.toString())));
    args.add(json(new Shared(url.toString(), t.origin(), t.depth(), from.url().toString())));
    return 1;
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
      redis.evalsha(renew, List.of(leases), args);
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
        redis.eval(RELEASE, List.of(queue, leases), unfinished);
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
