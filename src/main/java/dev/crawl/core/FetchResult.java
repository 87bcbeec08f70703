package dev.crawl.core;

/**
 * The results a download can end in: its body on disk (saved, or unchanged since an earlier run), a
 * failure with a reason, or stopped on the way by a rule. The engines and the fetcher deal only in
 * these.
 */
public sealed interface FetchResult extends UrlResult
    permits UrlResult.OnDisk, UrlResult.Failed, UrlResult.Skipped {

  Task task();

  int attempts();

  /** When it ran; null only for a {@link UrlResult.Skipped} that was never requested. */
  FetchTimings timings();

  @Override
  default String url() {
    return task().url().toString();
  }

  @Override
  default String source() {
    return task().origin();
  }
}
