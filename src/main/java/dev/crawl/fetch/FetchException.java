package dev.crawl.fetch;

import java.io.IOException;

/** A failure we detected ourselves, with the one-line reason users see. */
public final class FetchException extends IOException {
  private final boolean retryable;

  public FetchException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
