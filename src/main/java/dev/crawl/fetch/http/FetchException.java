package dev.crawl.fetch.http;

import java.io.IOException;

/** A failure we detected ourselves, with the one-line reason users see. */
public final class FetchException extends IOException {
  /** What kind of failure, for the retry policy and the outcome. */
  private enum Kind {
    OTHER,
    /** The server went quiet, or nearly: retried as a timeout is. */
    SILENCE,
    /** A redirect the crawl's scope does not allow: the task is skipped, not failed. */
    OUT_OF_SCOPE
  }

  private final boolean retryable;
  private final Kind kind;

  public FetchException(String message, boolean retryable) {
    this(message, retryable, Kind.OTHER);
  }

  private FetchException(String message, boolean retryable, Kind kind) {
    super(message);
    this.retryable = retryable;
    this.kind = kind;
  }

  /** A timeout of any kind, or a body below --min-rate. */
  public static FetchException silence(String message) {
    return new FetchException(message, true, Kind.SILENCE);
  }

  public static FetchException outOfScope(String message) {
    return new FetchException(message, false, Kind.OUT_OF_SCOPE);
  }

  public boolean retryable() {
    return retryable;
  }

  public boolean silence() {
    return kind == Kind.SILENCE;
  }

  public boolean outOfScope() {
    return kind == Kind.OUT_OF_SCOPE;
  }
}
