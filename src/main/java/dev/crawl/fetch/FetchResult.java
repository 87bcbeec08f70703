package dev.crawl.fetch;

import dev.crawl.frontier.Task;
import java.net.URI;

/** What became of one task that was fetched: its body saved, or a failure with a reason. */
public sealed interface FetchResult permits FetchResult.Saved, FetchResult.Failed {

  Task task();

  int attempts();

  FetchTimings timings();

  FetchResult withTimings(FetchTimings timings);

  /**
   * The body is complete and sits under its final name.
   *
   * @param path the saved file, relative to the output directory, with '/' separators
   * @param sha256 hex digest of the saved bytes (after content decoding)
   */
  record Saved(
      Task task,
      URI finalUrl,
      int status,
      long bytes,
      String path,
      String sha256,
      int attempts,
      FetchTimings timings)
      implements FetchResult {
    @Override
    public Saved withTimings(FetchTimings t) {
      return new Saved(task, finalUrl, status, bytes, path, sha256, attempts, t);
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
    @Override
    public Failed withTimings(FetchTimings t) {
      return new Failed(task, finalUrl, status, reason, attempts, t);
    }
  }
}
