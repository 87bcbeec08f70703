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

  /**
   * A worker's answer; times are nanoseconds since the worker received the request. {@code cookies}:
   * the Set-Cookie headers its servers sent for this task, for the parent's jar. For a failure,
   * {@code path} and {@code bytes} are what a cut download kept for {@code -C}.
   */
  record Reply(
      long id,
      boolean saved,
      boolean notModified,
      boolean skipped,
      String finalUrl,
      int status,
      long bytes,
      String path,
      String crc32,
      String reason,
      int attempts,
      long firstByte,
      String contentType,
      String title,
      java.util.List<String> links,
      java.util.List<String> requisites,
      String protocol,
      Validators validators,
      java.util.List<CookieJar.Learned> cookies) {

    static Reply of(FetchResult r, long received, java.util.List<CookieJar.Learned> cookies) {
      long fb = r.timings().firstByte() < 0 ? -1 : r.timings().firstByte() - received;
      return switch (r) {
        case UrlResult.OnDisk s ->
            new Reply(s.task().id(), s instanceof UrlResult.Saved, s instanceof UrlResult.NotModified, false,
                s.finalUrl().toString(), s.status(), s.bytes(), s.path(), s.crc32(), null, s.attempts(), fb,
                s.contentType(), s.title(), s.found().links(), s.found().requisites(), s.protocol(), s.validators(),
                cookies);
        case UrlResult.Failed f ->
            new Reply(f.task().id(), false, false, false, String.valueOf(f.finalUrl()), f.status(), f.keptBytes(),
                f.keptPath(), null, f.reason(), f.attempts(), fb, null, null, null, null, null, null, cookies);
        case UrlResult.Skipped k ->
            new Reply(k.task().id(), false, false, true, String.valueOf(k.finalUrl()), k.status(), 0, null, null,
                k.reason(), k.attempts(), fb, null, null, null, null, null, null, cookies);
      };
    }

    /**
     * The result as the parent sees it: its own clock, its own lane name, and the wait from asking
     * for a per-host slot to sending the task.
     */
    FetchResult toResult(Task task, long asked, long sent, long finished, String lane) {
      FetchTimings t =
          new FetchTimings(task.queuedNanos(), asked, firstByte < 0 ? -1 : sent + firstByte, finished, lane, sent - asked);
      URI fin = finalUrl == null ? task.url() : URI.create(finalUrl);
      Discovered found = new Discovered(title, links == null ? java.util.List.of() : links,
          requisites == null ? java.util.List.of() : requisites);
      Validators v = validators == null ? Validators.NONE : validators;
      if (saved) {
        return new UrlResult.Saved(task, fin, status, bytes, path, crc32, attempts, t, contentType, found, protocol, v);
      }
      if (notModified) {
        return new UrlResult.NotModified(task, fin, status, bytes, path, crc32, attempts, t, contentType, found,
            protocol, v);
      }
      return skipped
          ? UrlResult.Skipped.onTheWay(task, fin, status, reason, attempts, t)
          : new UrlResult.Failed(task, fin, status, reason, attempts, t, path, path == null ? -1 : bytes);
    }
  }

  private WorkerMessages() {}
}
