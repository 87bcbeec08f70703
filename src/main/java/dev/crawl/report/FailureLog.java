package dev.crawl.report;

import dev.crawl.core.Sizes;
import dev.crawl.core.UrlResult;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Failures where a person at a terminal reads them: one line each as they happen (the report's own
 * reason), a count past a screenful, and at the end the reasons grouped, with what was kept of cut
 * bodies. Fed on the report writer's thread, one result at a time.
 */
public final class FailureLog implements Consumer<UrlResult> {
  /** Distinct reasons counted by name; the rest are "other", so a run of odd failures stays one line. */
  static final int MAX_GROUPS = 12;

  private static final Pattern TRAILING_NOTE = Pattern.compile("\\s*\\([^()]*\\)$");

  private final PrintStream err;
  private final boolean echo;
  private final boolean overProgress;
  private final int screenful;
  private final Map<String, Long> groups = new LinkedHashMap<>();
  private long failed;
  private long other;
  private long keptBodies;
  private long keptBytes;

  /**
   * @param echo print each failure as it happens (not with {@code -q})
   * @param overProgress a progress line is being drawn: clear it before a line, it redraws itself
   * @param screenful how many lines to print before only counting
   */
  public FailureLog(PrintStream err, boolean echo, boolean overProgress, int screenful) {
    this.err = err;
    this.echo = echo;
    this.overProgress = overProgress;
    this.screenful = screenful;
  }

  @Override
  public synchronized void accept(UrlResult result) {
    if (!(result instanceof UrlResult.Failed f)) {
      return;
    }
    failed++;
    String group = groupOf(f.reason());
    if (groups.containsKey(group) || groups.size() < MAX_GROUPS) {
      groups.merge(group, 1L, Long::sum);
    } else {
      other++;
    }
    if (f.keptBytes() > 0) {
      keptBodies++;
      keptBytes += f.keptBytes();
    }
    if (!echo) {
      return;
    }
    String clear = overProgress ? "\r\033[K" : "";
    if (failed <= screenful) {
      err.println(clear + "crawl: " + f.url() + ": " + f.reason());
    } else if (failed == screenful + 1) {
      err.println(clear + "crawl: more failures: counted from here on, grouped at the end, each in results.jsonl");
    }
  }

  /**
   * What a group is named by: the reason without its notes in parentheses (attempts, bytes kept) and,
   * for a reason that names a place ({@code cannot connect to 10.0.0.1:80: connection refused}),
   * only what happened there.
   */
  static String groupOf(String reason) {
    String r = reason == null ? "unknown" : reason.strip();
    for (String before = ""; !before.equals(r); ) {
      before = r;
      r = TRAILING_NOTE.matcher(r).replaceFirst("");
    }
    if (r.startsWith("HTTP ")) {
      int colon = r.indexOf(':');
      return colon > 0 ? r.substring(0, colon) : r;
    }
    int last = r.lastIndexOf(": ");
    return last > 0 && last + 2 < r.length() ? r.substring(last + 2) : r;
  }

  /** {@code failed: 3 × HTTP 404 Not Found, 1 × connection refused}, most frequent first; null when none failed. */
  public synchronized String grouped() {
    if (failed == 0) {
      return null;
    }
    StringBuilder b = new StringBuilder("failed: ");
    groups.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> b.append(e.getValue()).append(" × ").append(e.getKey()).append(", "));
    if (other > 0) {
      b.append(other).append(" × other reasons, ");
    }
    return b.substring(0, b.length() - 2);
  }

  /** {@code kept 2 cut bodies (1.0 GiB) for -C; --no-keep-partial drops them}; null when none was kept. */
  public synchronized String kept() {
    if (keptBodies == 0) {
      return null;
    }
    return String.format(Locale.US, "kept %d cut bod%s (%s) for -C; --no-keep-partial drops them",
        keptBodies, keptBodies == 1 ? "y" : "ies", Sizes.human(keptBytes));
  }

}
