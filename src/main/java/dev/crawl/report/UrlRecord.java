package dev.crawl.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.crawl.core.FetchResult;
import dev.crawl.core.FetchTimings;
import java.net.URI;

/**
 * One line of the per-URL report (JSON Lines and CSV), for every input line that named a URL.
 * Times are milliseconds since the run started.
 *
 * @param outcome {@code saved}, {@code failed}, {@code invalid}, {@code duplicate}, {@code skipped}
 *     ({@code --resume}) or {@code interrupted}
 * @param source where the URL came from, {@code file:line}
 * @param waitMs of the time from started to finished, how long the download waited for a per-host
 *     slot or a --rate turn; the rest was on the wire (a field added last, so CSV columns keep their places)
 */
@JsonPropertyOrder({
  "outcome", "url", "finalUrl", "status", "bytes", "path", "crc32", "attempts", "error",
  "queuedMs", "startedMs", "firstByteMs", "finishedMs", "lane", "source", "depth", "referrer", "title", "waitMs"
})
public record UrlRecord(
    String outcome,
    String url,
    String finalUrl,
    Integer status,
    Long bytes,
    String path,
    String crc32,
    Integer attempts,
    String error,
    Double queuedMs,
    Double startedMs,
    Double firstByteMs,
    Double finishedMs,
    String lane,
    String source,
    Integer depth,
    String referrer,
    String title,
    Double waitMs) {

  /** A record with no crawl fields (list mode, or lines that were never fetched). */
  public UrlRecord(String outcome, String url, String finalUrl, Integer status, Long bytes, String path,
      String crc32, Integer attempts, String error, Double queuedMs, Double startedMs, Double firstByteMs,
      Double finishedMs, String lane, String source) {
    this(outcome, url, finalUrl, status, bytes, path, crc32, attempts, error, queuedMs, startedMs, firstByteMs,
        finishedMs, lane, source, null, null, null, null);
  }

  public static UrlRecord of(FetchResult result) {
    FetchTimings t = result.timings();
    String url = result.task().url().toString();
    String origin = result.task().origin();
    Integer depth = result.task().referrer() == null && result.task().depth() == 0 ? null : result.task().depth();
    String referrer = str(result.task().referrer());
    return switch (result) {
      case FetchResult.Saved s ->
          new UrlRecord("saved", url, str(s.finalUrl()), s.status(), s.bytes(), s.path(), s.crc32(),
              s.attempts(), null, ms(t.queued()), ms(t.started()), msOrNull(t.firstByte()),
              ms(t.finished()), t.lane(), origin, depth, referrer, s.title(), ms(t.waited()));
      case FetchResult.Failed f ->
          new UrlRecord("failed", url, str(f.finalUrl()), f.status() == 0 ? null : f.status(), null,
              null, null, f.attempts(), f.reason(), ms(t.queued()), ms(t.started()),
              msOrNull(t.firstByte()), ms(t.finished()), t.lane(), origin, depth, referrer, null, ms(t.waited()));
      case FetchResult.Skipped k ->
          new UrlRecord("skipped", url, str(k.finalUrl()), k.status() == 0 ? null : k.status(), null,
              null, null, k.attempts(), k.reason(), ms(t.queued()), ms(t.started()),
              msOrNull(t.firstByte()), ms(t.finished()), t.lane(), origin, depth, referrer, null, ms(t.waited()));
    };
  }

  /** A download stopped by Ctrl-C: not done, nothing kept. */
  public static UrlRecord interrupted(FetchResult r) {
    FetchTimings t = r.timings();
    return new UrlRecord("interrupted", r.task().url().toString(), null, null, null, null, null,
        r.attempts(), "not done: the run was interrupted", ms(t.queued()), ms(t.started()),
        msOrNull(t.firstByte()), ms(t.finished()), t.lane(), r.task().origin());
  }

  public static UrlRecord invalid(String origin, String text, String problem) {
    return new UrlRecord("invalid", text, null, null, null, null, null, null, problem, null, null,
        null, null, null, origin);
  }

  /**
   * Saved completely by an earlier run; {@code --resume} did not fetch it again. The record keeps
   * the file's path and size, so that a later {@code --resume} can skip it too.
   */
  public static UrlRecord alreadySaved(String origin, URI url, String path, long bytes) {
    return new UrlRecord("skipped", url.toString(), null, null, bytes, path, null, 0,
        "already saved by an earlier run (--resume)", null, null, null, null, null, origin);
  }

  /** A link the crawl found and did not fetch, with the reason. */
  public static UrlRecord skipped(dev.crawl.core.Task task, String reason) {
    return new UrlRecord("skipped", task.url().toString(), null, null, null, null, null, 0, reason, null, null,
        null, null, null, task.origin(), task.depth(), str(task.referrer()), null, null);
  }

  public static UrlRecord duplicate(String origin, URI url) {
    return new UrlRecord("duplicate", url.toString(), null, null, null, null, null, null, null,
        null, null, null, null, null, origin);
  }

  private static String str(URI u) {
    return u == null ? null : u.toString();
  }

  private static Double ms(long nanos) {
    return Math.round(nanos / 1_000.0) / 1_000.0;
  }

  private static Double msOrNull(long nanos) {
    return nanos < 0 ? null : ms(nanos);
  }
}
