package dev.crawl.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The side-by-side table of runs that {@code compare} and {@code demo} print. */
public final class ComparisonTable {
  private ComparisonTable() {}

  public static String render(List<RunSummary> runs) {
    Optional<RunSummary> sync = runs.stream().filter(r -> r.mode().equals("sync")).findFirst();
    StringBuilder b = new StringBuilder();
    // as wide as the longest name (processes/jdk beside the transports' default)
    int w = Math.max(10, runs.stream().mapToInt(r -> r.label().length()).max().orElse(0));
    String header =
        String.format(
            Locale.US,
            "%-" + w + "s %5s %9s %8s %9s %8s %8s %8s %7s %8s %12s%n",
            "mode", "conc", "wall s", "speedup", "files/s", "MB/s", "p50 ms", "p95 ms", "CPU s",
            "threads", "saved/failed");
    b.append(header);
    b.append("-".repeat(header.length() - 1)).append('\n');
    for (RunSummary r : runs) {
      String speedup =
          sync.filter(s -> r.wallSeconds() > 0)
              .map(s -> String.format(Locale.US, "%.1fx", s.wallSeconds() / r.wallSeconds()))
              .orElse("-");
      String threads =
          r.processes() > 0
              ? r.peakPlatformThreads() + "+" + r.processes() + "p"
              : String.valueOf(r.peakPlatformThreads());
      b.append(
          String.format(
              Locale.US,
              "%-" + w + "s %5d %9.2f %8s %9.1f %8.2f %8.1f %8.1f %7.2f %8s %12s%n",
              r.label(),
              r.concurrency(),
              r.wallSeconds(),
              speedup,
              r.filesPerSecond(),
              r.megabytesPerSecond(),
              r.latencyMs().p50(),
              r.latencyMs().p95(),
              r.cpuSeconds(),
              threads,
              r.counts().saved() + "/" + r.counts().failed()));
    }
    return b.toString();
  }
}
