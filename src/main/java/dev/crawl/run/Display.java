package dev.crawl.run;

/**
 * How a run talks to the person watching: a live progress line (only when stderr is a terminal
 * and not quiet), in colour unless {@code NO_COLOR} is set, and each failure as it happens (not
 * quiet).
 */
public record Display(boolean progress, boolean color, int columns, boolean failures) {
  public static final Display NONE = new Display(false, false, 80, false);

  /** Failures printed one by one before they are only counted: a screen of 24 rows, less the summary. */
  public static final int SCREENFUL = 20;

  /**
   * The launcher knows whether stderr is a terminal ({@code [ -t 2 ]}) and says so with {@code
   * -Dcrawl.stderr.tty=true}: the JVM cannot tell reliably on its own.
   */
  public static Display detect(boolean quiet) {
    String term = System.getenv("TERM");
    boolean tty = Boolean.getBoolean("crawl.stderr.tty") && !"dumb".equals(term);
    int columns = Integer.getInteger("crawl.stderr.columns", 100);
    return new Display(tty && !quiet, System.getenv("NO_COLOR") == null, columns > 20 ? columns : 100, !quiet);
  }
}
