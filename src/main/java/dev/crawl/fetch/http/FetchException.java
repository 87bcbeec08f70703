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
  // why a body stopped short, in WARC-Truncated's words: "length" or "time"; null when it did not
  private final String truncation;

  public FetchException(String message, boolean retryable) {
    this(message, retryable, Kind.OTHER, null);
  }

  private FetchException(String message, boolean retryable, Kind kind, String truncation) {
    super(message);
    this.retryable = retryable;
    this.kind = kind;
    this.truncation = truncation;
  }

  /** A timeout of any kind, or a body below --min-rate: a body it stops is cut for time. */
  public static FetchException silence(String message) {
    return new FetchException(message, true, Kind.SILENCE, "time");
  }

  /**
   * A response head over the bounds a transport keeps (384 KiB, the JDK client's), said the same
   * on every transport and not tried again: the same server sends the same head.
   */
  public static FetchException headTooLong(String detail) {
    return new FetchException("the server's status line or headers are too long (" + detail + ")", false);
  }

  /** A body past a length we allow (--max-size): what arrived is cut for length. */
  public static FetchException tooLong(String message) {
    return new FetchException(message, false, Kind.OTHER, "length");
  }

  /** The connection ended before the body did: what arrived is cut by a disconnect; tried again. */
  public static FetchException disconnected(String message) {
    return new FetchException(message, true, Kind.OTHER, "disconnect");
  }

  /** Why a body this stopped was cut, as WARC-Truncated says it ({@code length}, {@code time}), or null. */
  public String truncation() {
    return truncation;
  }

  public static FetchException outOfScope(String message) {
    return new FetchException(message, false, Kind.OUT_OF_SCOPE, null);
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
