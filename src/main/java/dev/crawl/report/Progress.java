package dev.crawl.report;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The live progress line on stderr: done/total, rate and ETA (drawn by the progressbar library),
 * and failures, bytes and downloads in flight. Only shown when stderr is a terminal.
 */
public final class Progress implements AutoCloseable {

  /** What the line shows, read a few times a second. */
  public record Snapshot(long done, long failed, long bytes, long inFlight) {}

  private final ProgressBar bar;
  private final ScheduledExecutorService ticker;
  private final Supplier<Snapshot> source;

  private Progress(ProgressBar bar, Supplier<Snapshot> source) {
    this.bar = bar;
    this.source = source;
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "crawl-progress");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleAtFixedRate(this::refresh, 0, 200, TimeUnit.MILLISECONDS);
  }

  /**
   * @param total lines to account for, or -1 when unknown (standard input)
   * @param color false under {@code NO_COLOR}
   * @param width the terminal's width in columns
   */
  public static Progress start(
      PrintStream err, String task, long total, boolean color, int width, Supplier<Snapshot> source) {
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setStyle(color ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.UNICODE_BLOCK)
            .setUpdateIntervalMillis(200)
            .setUnit(" URLs", 1)
            .showSpeed()
            // a given width keeps the library from opening a JLine terminal, which resets SIGINT
            // to its default and would make Ctrl-C kill us before the partial report is written
            .setConsumer(new ConsoleProgressBarConsumer(err, width - 1))
            .build();
    return new Progress(bar, source);
  }

  private void refresh() {
    Snapshot s = source.get();
    bar.stepTo(s.done());
    bar.setExtraMessage(
        String.format(Locale.US, " · %d failed · %.1f MB · %d in flight", s.failed(), s.bytes() / 1e6, s.inFlight()));
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    refresh();
    bar.close();
  }
}
