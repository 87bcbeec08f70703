package dev.crawl.report.html;

import static dev.crawl.report.html.Svg.esc;
import static dev.crawl.report.html.Svg.fmt;

import dev.crawl.report.RunSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The HTML report of a comparison: the modes side by side, and their timelines on one time axis. */
final class ComparePage {
  private ComparePage() {}

  static String render(
      Path outputDir, List<RunSummary> runs, Map<String, Double> speedups, boolean identical, Map<String, Timeline> timelines) {
    StringBuilder b = new StringBuilder();
    RunSummary first = runs.get(0);
    b.append("<h1>crawl compare</h1>");
    b.append(fmt("<p class=\"sub\">%d modes over the same %,d URLs · %s</p>", runs.size(), first.counts().total(), esc(first.startedAt())));
    b.append(identical
        ? "<p class=\"ok\">Every mode saved identical files.</p>"
        : "<p class=\"bad\">The modes did not save identical files; see each mode's results.jsonl.</p>");
    b.append("<table class=\"modes\"><tr><th>mode</th><th>conc</th><th>wall s</th><th>speedup</th><th>files/s</th><th>MB/s</th><th>p50 ms</th><th>p95 ms</th><th>CPU s</th><th>threads</th><th>saved/failed</th></tr>");
    for (RunSummary r : runs) {
      Double sp = speedups.get(r.label());
      b.append(fmt("<tr><td>%s</td><td>%d</td><td>%.2f</td><td>%s</td><td>%.1f</td><td>%.2f</td><td>%.1f</td><td>%.1f</td><td>%.2f</td><td>%s</td><td>%d/%d</td></tr>",
          esc(r.label()), r.concurrency(), r.wallSeconds(), sp == null ? "–" : fmt("%.1f×", sp), r.filesPerSecond(), r.megabytesPerSecond(),
          r.latencyMs().p50(), r.latencyMs().p95(), r.cpuSeconds(), r.peakPlatformThreads() + (r.processes() > 0 ? "+" + r.processes() + "p" : ""),
          r.counts().saved(), r.counts().failed()));
    }
    b.append("</table>");
    b.append("<h2>Wall time</h2>").append(BarChart.render("chart wall", "Wall time per mode",
        runs.stream().map(r -> new BarChart.Item(r.label(), r.wallSeconds(),
            fmt("%.2f s", r.wallSeconds()) + (speedups.containsKey(r.label()) ? fmt(" · %.1f× sync", speedups.get(r.label())) : ""))).toList()));
    b.append("<h2>Throughput</h2>").append(BarChart.render("chart throughput", "Files per second per mode",
        runs.stream().map(r -> new BarChart.Item(r.label(), r.filesPerSecond(), fmt("%.1f files/s", r.filesPerSecond()))).toList()));
    b.append("<h2>CPU time</h2>").append(BarChart.render("chart cpu", "CPU seconds per mode (worker processes included)",
        runs.stream().map(r -> new BarChart.Item(r.label(), r.cpuSeconds(), fmt("%.2f CPU s", r.cpuSeconds()))).toList()));
    double axis = runs.stream().mapToDouble(r -> r.wallSeconds() * 1000).max().orElse(1);
    for (Timeline t : timelines.values()) {
      axis = Math.max(axis, t.endMs());
    }
    b.append("<h2>Timelines, one time axis</h2>").append(Page.legend());
    for (RunSummary r : runs) {
      Timeline t = timelines.get(r.label());
      b.append("<section class=\"mode\" data-mode=\"").append(esc(r.label())).append("\"><h3>")
          .append(esc(r.label())).append(fmt(" · %.2f s · %s</h3>", r.wallSeconds(), esc(r.scheduling())))
          .append("<p class=\"note\"><a href=\"").append(esc(ownReport(outputDir, r)))
          .append("\">This mode's own report</a>, its timeline on its own time axis.</p>");
      if (t.sampled()) {
        b.append(fmt("<p class=\"note sampled\">Showing %,d of %,d downloads, sampled evenly.</p>", t.bars().size(), t.downloads()));
      }
      b.append(TimelineChart.render(t, axis, r.label() + " timeline")).append("</section>");
    }
    return Page.wrap("crawl compare", b.toString());
  }

  /** A relative link, so the pages still find each other when the directory moves. */
  private static String ownReport(Path outputDir, RunSummary r) {
    Path report = Path.of(r.reportDir()).resolve(HtmlReports.HTML);
    try {
      return outputDir.toAbsolutePath().relativize(report.toAbsolutePath()).toString().replace('\\', '/');
    } catch (IllegalArgumentException e) {
      return report.toUri().toString();
    }
  }
}
