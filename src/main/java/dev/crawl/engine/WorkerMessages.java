package dev.crawl.engine;

import dev.crawl.core.Discovered;
import dev.crawl.core.FetchResult;
import dev.crawl.core.FetchTimings;
import dev.crawl.core.Task;
import dev.crawl.core.UrlResult;
import dev.crawl.core.Validators;
import dev.crawl.fetch.KeptCopy;
import dev.crawl.fetch.cookie.CookieJar;
import java.net.URI;

/**
 * What the parent and its worker processes say to each other, over {@link WorkerPipe}: the parent
 * sends a {@link WorkerSetup}, then requests; a worker answers {@link Ready}, then one reply each.
 */
final class WorkerMessages {

  /**
   * A worker's first line, once it can fetch: the parent times its start and paces from here.
   *
   * @param sharing the worker's JVM runs on a start-up cache (CDS or AOT), as {@code java.vm.info}
   *     says; false where the cache it was given was refused
   */
  record Ready(boolean ready, boolean sharing) {
    static Ready ofThisJvm() {
      return new Ready(true, System.getProperty("java.vm.info", "").contains("sharing"));
    }
  }

  /**
   * A task sent to a worker, with the cookies other workers' servers set since this worker last
   * heard, so that every process sends what one learned, and the copy an earlier run kept ({@code
   * -N}), or null; and the name the parent gave its file ({@code -nd}), or null.
   */
  record Request(long id, String url, String origin, int depth, java.util.List<CookieJar.Learned> cookies,
      KeptCopy kept, String name) {
    static Request of(Task t, java.util.List<CookieJar.Learned> cookies, KeptCopy kept, String name) {
      return new Request(t.id(), t.url().toString(), t.origin(), t.depth(), cookies, kept, name);
    }

    /** The worker's copy: the depth decides whether redirects must stay in the crawl's scope. */
    Task task(long queued) {
      return new Task(id, URI.create(url), origin, queued, depth, null);
    }
  }

  /** What became of a task in a worker. */
  enum Outcome { SAVED, NOT_MODIFIED, SKIPPED, FAILED }

  /**
   * What the worker's download saw. For a failure, {@code path} and {@code bytes} are what a cut
   * download kept for {@code -C}.
   *
   * @param firstByte nanoseconds from the worker receiving the request to the first body byte, or -1
   */
  record Exchange(
      String finalUrl, int status, long bytes, String path, String crc32, String reason, int attempts, long firstByte,
      String protocol, Validators validators) {}

  /** What a saved page holds for the crawl; null for anything else. */
  record Page(
      String contentType, String title, java.util.List<String> links, java.util.List<String> requisites, String note) {}

  /**
   * A worker's answer. {@code cookies}: the Set-Cookie headers its servers sent for this task, for
   * the parent's jar.
   */
  record Reply(long id, Outcome outcome, Exchange exchange, Page page, java.util.List<CookieJar.Learned> cookies) {

    static Reply of(FetchResult r, long received, java.util.List<CookieJar.Learned> cookies) {
      long fb = r.timings().firstByte() < 0 ? -1 : r.timings().firstByte() - received;
      return switch (r) {
        case UrlResult.OnDisk s -> new Reply(s.task().id(),
            s instanceof UrlResult.Saved ? Outcome.SAVED : Outcome.NOT_MODIFIED,
            new Exchange(s.finalUrl().toString(), s.status(), s.bytes(), s.path(), s.crc32(), null, s.attempts(), fb,
                s.protocol(), s.validators()),
            new Page(s.contentType(), s.title(), s.found().links(), s.found().requisites(), s.found().note()),
            cookies);
        case UrlResult.Failed f -> new Reply(f.task().id(), Outcome.FAILED,
            new Exchange(String.valueOf(f.finalUrl()), f.status(), f.keptBytes(), f.keptPath(), null, f.reason(),
                f.attempts(), fb, null, null),
            null, cookies);
        case UrlResult.Skipped k -> new Reply(k.task().id(), Outcome.SKIPPED,
            new Exchange(String.valueOf(k.finalUrl()), k.status(), 0, null, null, k.reason(), k.attempts(), fb, null,
                null),
            null, cookies);
      };
    }

    /**
     * The result as the parent sees it: its own clock, its own lane name, and the wait from asking
     * for a per-host slot to sending the task.
     */
    FetchResult toResult(Task task, long asked, long sent, long finished, String lane) {
      Exchange e = exchange;
      FetchTimings t = new FetchTimings(task.queuedNanos(), asked, e.firstByte() < 0 ? -1 : sent + e.firstByte(),
          finished, lane, sent - asked);
      URI fin = e.finalUrl() == null ? task.url() : URI.create(e.finalUrl());
      Validators v = e.validators() == null ? Validators.NONE : e.validators();
      Page p = page == null ? new Page(null, null, null, null, null) : page;
      Discovered found = new Discovered(p.title(), p.links() == null ? java.util.List.of() : p.links(),
          p.requisites() == null ? java.util.List.of() : p.requisites(), p.note());
      UrlResult.StoredFile file = new UrlResult.StoredFile(e.bytes(), e.path(), e.crc32());
      UrlResult.Served served = new UrlResult.Served(p.contentType(), e.protocol(), v);
      return switch (outcome) {
        case SAVED -> new UrlResult.Saved(task, fin, e.status(), e.attempts(), t, file, served, found);
        case NOT_MODIFIED -> new UrlResult.NotModified(task, fin, e.status(), e.attempts(), t, file, served, found);
        case SKIPPED -> UrlResult.Skipped.onTheWay(task, fin, e.status(), e.reason(), e.attempts(), t);
        case FAILED -> new UrlResult.Failed(task, fin, e.status(), e.reason(), e.attempts(), t, e.path(),
            e.path() == null ? -1 : e.bytes());
      };
    }
  }

  private WorkerMessages() {}
}
