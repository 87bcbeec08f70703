package dev.crawl.frontier;

import java.net.URI;

/**
 * One URL to download.
 *
 * @param id position in the run, starting at 1
 * @param url the normalised URL
 * @param origin where the URL came from, as {@code file:line}, for messages and reports
 * @param queuedNanos when it entered the frontier, relative to the run's start
 */
public record Task(long id, URI url, String origin, long queuedNanos) {}
