package dev.crawl.core;

import java.net.URI;

/**
 * What became of one task that was fetched: its body saved, a failure with a reason, or skipped on
 * the way (a redirect out of the crawl's scope).
 */
public sealed interface FetchResult permits FetchResult.Saved, FetchResult.Failed, FetchResult.Skipped {

  Task task();

  int attempts();

  FetchTimings timings();

  /**
   * The body is complete and sits under its final name.
   *
   * @param path the saved file, relative to the output directory, with '/' separators
   * @param crc32 CRC-32 of the saved bytes (after content decoding), as eight hex digits
   * @param contentType the response's Content-Type, or null
   * @param found where the saved page leads, once it has been read (a crawl), else {@link Discovered#NONE}
   */
  record Saved(
      Task task,
      URI finalUrl,
      int status,
      long bytes,
      String path,
      String crc32,
      int attempts,
      FetchTimings timings,
      String contentType,
      Discovered found)
      implements FetchResult {
    public Saved withFound(Discovered d) {
      return new Saved(task, finalUrl, status, bytes, path, crc32, attempts, timings, contentType, d);
    }

    public String title() {
      return found.title();
    }
  }

  /**
   * Nothing was saved.
   *
   * @param status the last HTTP status seen, or 0 if no response arrived
   * @param reason one line a user can act on
   */
  record Failed(Task task, URI finalUrl, int status, String reason, int attempts, FetchTimings timings)
      implements FetchResult {
  }

  /**
   * Nothing was saved, by design: the crawl's rules stopped it on the way (a redirect out of scope).
   *
   * @param finalUrl the URL it would have gone to
   * @param reason one line saying which rule stopped it
   */
  record Skipped(Task task, URI finalUrl, int status, String reason, int attempts, FetchTimings timings)
      implements FetchResult {
  }
}
