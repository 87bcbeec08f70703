package dev.crawl.core;

import java.net.URI;

/**
 * One URL to download.
 *
 * @param id position in the run, starting at 1
 * @param url the normalised URL
 * @param origin where the URL came from, as {@code file:line}, for messages and reports
 * @param queuedNanos when it entered the frontier, relative to the run's start
 * @param depth links followed from a start URL to reach it (0 for listed URLs)
 * @param referrer the page it was found on, or null for listed URLs
 */
public record Task(long id, URI url, String origin, long queuedNanos, int depth, URI referrer) {
  /** A listed URL: depth 0, no referrer. */
  public Task(long id, URI url, String origin, long queuedNanos) {
    this(id, url, origin, queuedNanos, 0, null);
  }
}
