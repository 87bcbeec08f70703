package dev.crawl.input;

/** Unreadable input: the run cannot start (exit status 2). */
public final class InputException extends Exception {
  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
