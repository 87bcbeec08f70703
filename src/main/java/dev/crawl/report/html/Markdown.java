package dev.crawl.report.html;

import static dev.crawl.report.html.Svg.fmt;

import dev.crawl.core.WorkerStarts;
import dev.crawl.report.Counts;
import dev.crawl.report.RunSummary;
import java.util.List;
import java.util.Map;

/** The Markdown summaries: the same numbers as the HTML, for pasting into issues and chats. */
final class Markdown {
  private Markdown() {}

  static String run(RunSummary s) {
    Counts c = s.counts();
    return fmt("# crawl: %s, concurrency %d%n%n", s.mode(), s.concurrency())
        + "| saved | failed | invalid | duplicate | wall s | CPU s | files/s | MB/s | p50 ms | p90 ms | p99 ms | max ms |\n"
        + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        + fmt("| %d | %d | %d | %d | %.2f | %.2f | %.1f | %.2f | %.1f | %.1f | %.1f | %.1f |%n%n",
            c.saved(), c.failed(), c.invalid(), c.duplicate(), s.wallSeconds(), s.cpuSeconds(), s.filesPerSecond(),
            s.megabytesPerSecond(), s.latencyMs().p50(), s.latencyMs().p90(), s.latencyMs().p99(), s.latencyMs().max())
        + (c.notModified() > 0 ? fmt("%d not modified since an earlier run (kept as they were).%n%n", c.notModified()) : "")
        + fmt("%s. Peak %d downloads in flight; %d platform threads added%s.%n",
            s.scheduling(), s.peakInFlight(), s.peakPlatformThreads(), s.processes() > 0 ? ", " + s.processes() + " worker processes" : "")
        + workerStarts(s.workerStarts());
  }

  private static String workerStarts(WorkerStarts w) {
    if (w == null || w.count() == 0) {
      return "";
    }
    String cache = !w.cacheGiven() ? "no start-up cache"
        : w.cacheRefused() ? fmt("only %d of %d on the start-up cache: the others' JVMs refused it (see stderr)", w.onCache(), w.count())
        : "all on the start-up cache";
    return fmt("%nA worker JVM took %.3f s from launch to ready (median; slowest %.3f s), %s.%n",
        w.medianSeconds(), w.maxSeconds(), cache);
  }

  static String compare(List<RunSummary> runs, Map<String, Double> speedups, boolean identical) {
    StringBuilder b = new StringBuilder("# crawl compare\n\n");
    b.append("| mode | conc | wall s | speedup | files/s | MB/s | p50 ms | p95 ms | CPU s | threads | saved/failed |\n");
    b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (RunSummary r : runs) {
      Double sp = speedups.get(r.label());
      b.append(fmt("| %s | %d | %.2f | %s | %.1f | %.2f | %.1f | %.1f | %.2f | %s | %d/%d |%n",
          r.label(), r.concurrency(), r.wallSeconds(), sp == null ? "–" : fmt("%.1f×", sp), r.filesPerSecond(),
          r.megabytesPerSecond(), r.latencyMs().p50(), r.latencyMs().p95(), r.cpuSeconds(),
          r.peakPlatformThreads() + (r.processes() > 0 ? "+" + r.processes() + "p" : ""), r.counts().saved(), r.counts().failed()));
    }
    b.append(identical ? "\nEvery mode saved identical files.\n" : "\nThe modes did NOT save identical files.\n");
    return b.toString();
  }
}
