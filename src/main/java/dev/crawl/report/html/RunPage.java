package dev.crawl.report.html;

import static dev.crawl.report.html.Svg.esc;
import static dev.crawl.report.html.Svg.fmt;

import dev.crawl.core.UrlResult;
import dev.crawl.report.Counts;
import dev.crawl.report.Latency;
import dev.crawl.report.ResultsFile;
import dev.crawl.report.RunSummary;

/** The HTML report of one run: numbers, timeline, latency histogram and percentiles, failures. */
final class RunPage {
  private RunPage() {}

  static String render(RunSummary s, Timeline t) {
    StringBuilder b = new StringBuilder();
    Counts c = s.counts();
    b.append("<h1>crawl: ").append(esc(s.mode())).append(", concurrency ").append(s.concurrency()).append("</h1>");
    b.append("<p class=\"sub\">").append(esc(s.startedAt())).append(" · ").append(esc(s.scheduling())).append("</p>");
    b.append("<div class=\"cards\">")
        .append(Page.card(c.saved() + " / " + c.total(), ResultsFile.SAVED))
        .append(c.notModified() > 0 ? Page.card(String.valueOf(c.notModified()), ResultsFile.NOT_MODIFIED) : "")
        .append(Page.card(String.valueOf(c.failed()), ResultsFile.FAILED))
        .append(Page.card(c.invalid() + " / " + c.duplicate(), "invalid / duplicate"))
        .append(Page.card(fmt("%.2f s", s.wallSeconds()), "wall time"))
        .append(Page.card(fmt("%.2f s", s.cpuSeconds()), "CPU time"))
        .append(Page.card(fmt("%.1f", s.filesPerSecond()), "files/s"))
        .append(Page.card(fmt("%.2f", s.megabytesPerSecond()), "MB/s"))
        .append(Page.card(String.valueOf(s.peakInFlight()), "peak in flight"))
        .append(Page.card(s.peakPlatformThreads() + (s.processes() > 0 ? " + " + s.processes() + " proc" : ""), "threads added"))
        .append("</div>");
    b.append("<h2>Timeline</h2>").append(Page.legend());
    if (t.sampled()) {
      b.append(fmt("<p class=\"note sampled\">Showing %,d of %,d downloads, sampled evenly, so the page stays quick to open.</p>", t.bars().size(), t.downloads()));
    }
    b.append(TimelineChart.render(t, Math.max(t.endMs(), s.wallSeconds() * 1000), s.mode() + " timeline"));
    b.append("<h2>Latency</h2>").append(HistogramChart.render(s.latencyHistogram()));
    b.append(percentiles(s.latencyMs()));
    if (!t.firstFailures().isEmpty()) {
      b.append("<h2>Failures</h2><table class=\"failures\"><tr><th>URL</th><th>status</th><th>reason</th></tr>");
      for (UrlResult.Failed f : t.firstFailures()) {
        b.append("<tr><td><code>").append(esc(f.url())).append("</code></td><td>")
            .append(f.status() == 0 ? "–" : f.status()).append("</td><td>").append(esc(f.reason())).append("</td></tr>");
      }
      b.append("</table>");
      if (c.failed() > t.firstFailures().size()) {
        b.append(fmt("<p class=\"note\">The first %d of %,d failures; results.jsonl lists them all.</p>", t.firstFailures().size(), c.failed()));
      }
    }
    b.append("<p class=\"note\">").append(esc(s.executors())).append(" · ").append(esc(s.java())).append("</p>");
    return Page.wrap("crawl " + s.mode() + " report", b.toString());
  }

  static String percentiles(Latency l) {
    return "<table class=\"percentiles\"><tr><th>latency</th><th>p50</th><th>p90</th><th>p95</th><th>p99</th><th>max</th><th>mean</th></tr>"
        + fmt("<tr><td>ms</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td></tr></table>",
            l.p50(), l.p90(), l.p95(), l.p99(), l.max(), l.mean());
  }
}
