package dev.crawl.frontier;

/**
 * The Lua scripts of {@link RedisFrontier}: each step of the shared frontier is one script, so no
 * two processes ever see it half done. Every script gets the frontier's key prefix
 * ({@code crawl:NAME:}) as its one key and derives the rest from it (a queue per host among them),
 * so one frontier lives on one Redis, not spread over a cluster.
 */
final class FleetScripts {
  private FleetScripts() {}

  /**
   * What every script shares. Tasks wait in a list per host; {@code ready} holds the hosts with
   * tasks waiting, scored by when the fleet may next send them one (--rate, Crawl-delay), so a take
   * costs the same however many hosts wait. {@code busy} counts each host's leases: its downloads in
   * flight across the fleet, against --per-host. {@code queued} counts what all the lists hold.
   */
  private static final String PRELUDE = """
      local p = KEYS[1]
      local READY, LEASES, BUSY, NEXT, DELAY = p .. 'ready', p .. 'leases', p .. 'busy', p .. 'next', p .. 'delay'
      local QUEUED, SEEN, SEEDED = p .. 'queued', p .. 'seen', p .. 'seeded'
      local t = redis.call('TIME')
      -- milliseconds, with microseconds so that hosts ready in one millisecond still take turns;
      -- a test moves the fleet's clock ahead (p .. 'ahead', in milliseconds) instead of waiting
      local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000 + (tonumber(redis.call('GET', p .. 'ahead')) or 0)
      -- times go to Redis as text with every digit: Lua would write a number with 14 significant
      -- digits, a tenth of a millisecond, and two takes that close would tie
      local function ms(x) return string.format('%.3f', x) end
      local function queue(host) return p .. 'queue:' .. host end
      -- a host with tasks waiting is in READY from its next turn on; one already there keeps its
      -- place unless it was just served (back of the line)
      local function schedule(host, served)
        if redis.call('LLEN', queue(host)) == 0 then
          redis.call('ZREM', READY, host)
          return
        end
        local at = tonumber(redis.call('HGET', NEXT, host)) or 0
        local place = served and now or (tonumber(redis.call('ZSCORE', READY, host)) or now)
        redis.call('ZADD', READY, ms(math.max(at, place)), host)
      end
      local function push(host, task, front)
        redis.call(front and 'LPUSH' or 'RPUSH', queue(host), task)
        redis.call('INCR', QUEUED)
      end
      -- ends a lease if it is still held; returns its host
      local function unlease(task)
        if redis.call('ZREM', LEASES, task) == 0 then return nil end
        local host = cjson.decode(task).host
        if redis.call('HINCRBY', BUSY, host, -1) <= 0 then redis.call('HDEL', BUSY, host) end
        return host
      end
      -- ARGV from index i on, in threes (URL hash, host, task): the new ones go in
      local function offer(i)
        local added, hosts, seen = 0, {}, {}
        for j = i, #ARGV, 3 do
          if redis.call('SADD', SEEN, ARGV[j]) == 1 then
            push(ARGV[j + 1], ARGV[j + 2], false)
            added = added + 1
            if not seen[ARGV[j + 1]] then
              seen[ARGV[j + 1]] = true
              hosts[#hosts + 1] = ARGV[j + 1]
            end
          end
        end
        for _, host in ipairs(hosts) do schedule(host, false) end
        return added
      end
      """;

  /**
   * ARGV: lease ms, per-host cap (0: none), gap ms between two requests to a host (from --rate).
   * Returns a task, a number of milliseconds until the next host's turn, 'done', or nothing (wait
   * for leases elsewhere to end or add work).
   */
  static final String TAKE = PRELUDE + """
      local lease, cap, gap = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
      for _, m in ipairs(redis.call('ZRANGEBYSCORE', LEASES, '-inf', ms(now), 'LIMIT', 0, 100)) do
        local host = unlease(m)
        push(host, m, true)
        schedule(host, false)
      end
      for _ = 1, 1000 do
        local first = redis.call('ZRANGE', READY, 0, 0, 'WITHSCORES')
        if #first == 0 then break end
        local host, at = first[1], tonumber(first[2])
        if at > now then return math.ceil(at - now) end
        if cap > 0 and (tonumber(redis.call('HGET', BUSY, host)) or 0) >= cap then
          redis.call('ZREM', READY, host) -- back when one of its leases ends
        else
          local task = redis.call('LPOP', queue(host))
          if task then
            redis.call('DECR', QUEUED)
            if redis.call('ZADD', LEASES, ms(now + lease), task) == 1 then redis.call('HINCRBY', BUSY, host, 1) end
            local wait = math.max(gap, tonumber(redis.call('HGET', DELAY, host)) or 0)
            if wait > 0 then redis.call('HSET', NEXT, host, ms(now + wait)) end
            schedule(host, true)
            return task
          end
          redis.call('ZREM', READY, host)
        end
      end
      if redis.call('GET', SEEDED) == '1' and redis.call('ZCARD', LEASES) == 0
          and (tonumber(redis.call('GET', QUEUED)) or 0) <= 0 then
        return 'done'
      end
      return false
      """;

  /** ARGV in threes (URL hash, host, task); returns how many were new to the fleet. */
  static final String OFFER = PRELUDE + """
      return offer(1)
      """;

  /** ARGV: the task done, then its page's links in threes; returns how many links were new. */
  static final String FINISH = PRELUDE + """
      local added = offer(2)
      local host = unlease(ARGV[1])
      if host then schedule(host, false) end
      return added
      """;

  /** ARGV: tasks this process hands back unfinished, to the front of their hosts' queues. */
  static final String RELEASE = PRELUDE + """
      for i = 1, #ARGV do
        local host = unlease(ARGV[i])
        if host then
          push(host, ARGV[i], true)
          schedule(host, false)
        end
      end
      return #ARGV
      """;

  /** ARGV: lease ms, then the tasks this process still holds. */
  static final String RENEW = PRELUDE + """
      for i = 2, #ARGV do
        redis.call('ZADD', LEASES, 'XX', ms(now + tonumber(ARGV[1])), ARGV[i])
      end
      return #ARGV - 1
      """;

  /** ARGV: host, its Crawl-delay in ms: from now on, the fleet's requests to it are that far apart. */
  static final String CRAWL_DELAY = PRELUDE + """
      redis.call('HSET', DELAY, ARGV[1], ARGV[2])
      local at = math.max(tonumber(redis.call('HGET', NEXT, ARGV[1])) or 0, now + tonumber(ARGV[2]))
      redis.call('HSET', NEXT, ARGV[1], ms(at))
      redis.call('ZADD', READY, 'XX', ms(at), ARGV[1])
      return 1
      """;
}
