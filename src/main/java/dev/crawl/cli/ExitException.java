package dev.crawl.cli;

/** Ends a command with an exit status and one line for the user; mapped once, in {@link Main}. */
public final class ExitException extends RuntimeException {
  public static final int FAILURES = 1;
  public static final int USAGE = 2;

  private final int status;

  public ExitException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public ExitException(int status, String message) {
    this(status, message, null);
  }

  public int status() {
    return status;
  }
}
