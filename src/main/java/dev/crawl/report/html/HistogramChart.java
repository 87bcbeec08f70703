package dev.crawl.report.html;

import static dev.crawl.report.html.Svg.fmt;
import static dev.crawl.report.html.Svg.n;

import dev.crawl.report.LatencyBucket;
import java.util.List;

/** The latency histogram as inline SVG: even buckets of milliseconds, downloads per bucket. */
final class HistogramChart {
  private static final int WIDTH = 960;
  private static final int HEIGHT = 180;
  private static final int LEFT = 50;
  private static final int BOTTOM = 24;

  private HistogramChart() {}

  static String render(List<LatencyBucket> buckets) {
    if (buckets.isEmpty()) {
      return "<p class=\"note\">No downloads, no latencies.</p>";
    }
    long max = buckets.stream().mapToLong(LatencyBucket::count).max().orElse(1);
    double plotW = WIDTH - LEFT - 10;
    double plotH = HEIGHT - BOTTOM - 8;
    double bw = plotW / buckets.size();
    StringBuilder b = new StringBuilder();
    b.append(fmt("<svg class=\"histogram\" viewBox=\"0 0 %d %d\" width=\"%d\" role=\"img\"><title>Latency histogram</title>", WIDTH, HEIGHT, WIDTH));
    for (int i = 0; i < buckets.size(); i++) {
      LatencyBucket k = buckets.get(i);
      double h = max == 0 ? 0 : plotH * k.count() / max;
      double x = LEFT + i * bw;
      b.append(fmt("<rect class=\"hbar\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"><title>%s–%s ms: %d downloads</title></rect>",
          n(x + 1), n(8 + plotH - h), n(Math.max(1, bw - 2)), n(h), n(k.fromMs()), n(k.toMs()), k.count()));
      if (i % 5 == 0) {
        double from = k.fromMs();
        String label = from >= 10 ? fmt("%.0f", from) : n(Math.round(from * 10) / 10.0);
        b.append(fmt("<text class=\"tick-label\" x=\"%s\" y=\"%d\">%s ms</text>", n(x), HEIGHT - 6, label));
      }
    }
    b.append(fmt("<text class=\"tick-label\" x=\"%d\" y=\"16\" text-anchor=\"end\">%d</text>", LEFT - 6, max));
    b.append(fmt("<line class=\"axis\" x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\"/>", LEFT, n(8 + plotH), WIDTH - 10, n(8 + plotH)));
    return b.append("</svg>").toString();
  }
}
