package dev.crawl.fetch;

import java.io.IOException;

/** A failure we detected ourselves, with the one-line reason users see. */
public final class FetchException extends IOException {
  private final boolean retryable;
  private final boolean silence;
  private boolean outOfScope;

  public FetchException(String message, boolean retryable) {
    this(message, retryable, false);
  }

  private FetchException(String message, boolean retryable, boolean silence) {
    super(message);
    this.retryable = retryable;
    this.silence = silence;
  }

  /** The server went quiet, or nearly (a timeout, a body below --min-rate): retried as a timeout is. */
  static FetchException silence(String message) {
    return new FetchException(message, true, true);
  }

  /** A redirect the crawl's scope does not allow: the task is skipped, not failed. */
  static FetchException outOfScope(String message) {
    FetchException e = new FetchException(message, false, false);
    e.outOfScope = true;
    return e;
  }

  boolean outOfScope() {
    return outOfScope;
  }

  public boolean retryable() {
    return retryable;
  }

  boolean silence() {
    return silence;
  }
}
