package dev.crawl.report.html;

import static dev.crawl.report.html.Svg.esc;
import static dev.crawl.report.html.Svg.fmt;
import static dev.crawl.report.html.Svg.n;

/**
 * The timeline as inline SVG: one row per lane, one bar per download from start to finish, seconds
 * on the x axis, failures in their own colour, a hover title on every bar.
 */
final class TimelineChart {
  static final int WIDTH = 960;
  static final int LEFT = 90;
  static final int RIGHT = 16;
  static final int MAX_PLOT_HEIGHT = 600;

  private TimelineChart() {}

  /**
   * @param axisMs the time the x axis spans; charts drawn side by side share one axis
   */
  static String render(Timeline t, double axisMs, String caption) {
    int lanes = Math.max(1, t.lanes().size());
    double row = Math.max(2, Math.min(18, (double) MAX_PLOT_HEIGHT / lanes));
    double plotHeight = row * lanes;
    double plotWidth = WIDTH - LEFT - RIGHT;
    double height = plotHeight + 40;
    double scale = plotWidth / Math.max(axisMs, 1);
    StringBuilder b = new StringBuilder(64 * (t.bars().size() + lanes) + 1024);
    b.append(fmt("<svg class=\"timeline\" viewBox=\"0 0 %d %s\" width=\"%d\" role=\"img\">", WIDTH, n(height), WIDTH));
    b.append("<title>").append(esc(caption)).append("</title>");
    for (int i = 0; i < t.lanes().size(); i++) {
      double y = 4 + i * row;
      b.append(fmt("<g class=\"lane\" data-lane=\"%s\">", esc(t.lanes().get(i))));
      if (i % 2 == 0) {
        b.append(fmt("<rect class=\"stripe\" x=\"%d\" y=\"%s\" width=\"%s\" height=\"%s\"/>", LEFT, n(y), n(plotWidth), n(row)));
      }
      if (row >= 9) {
        b.append(fmt("<text class=\"lane-name\" x=\"%d\" y=\"%s\">%s</text>", LEFT - 6, n(y + row * 0.75), esc(t.lanes().get(i))));
      }
      b.append("</g>");
    }
    for (Timeline.Bar bar : t.bars()) {
      double x = LEFT + bar.startMs() * scale;
      double w = Math.max(0.8, (bar.endMs() - bar.startMs()) * scale);
      double y = 4 + bar.lane() * row + (row > 4 ? 1 : 0);
      double h = Math.max(1, row - (row > 4 ? 2 : 0));
      if (bar.waitMs() > 0) {
        // the wait for a per-host slot: drawn lighter, in front of the request itself
        double ww = Math.min(w, bar.waitMs() * scale);
        rect(b, "wait", x, y, ww, h).append("/>");
        x += ww;
        w = Math.max(0.8, w - ww);
      }
      rect(b, bar.failed() ? "bar failed" : "bar", x, y, w, h).append("><title>").append(esc(bar.title())).append("</title></rect>");
    }
    axis(b, axisMs, scale, plotHeight + 8);
    if (row < 9) {
      b.append(fmt("<text class=\"lane-name\" x=\"%d\" y=\"%s\">%d lanes</text>", LEFT - 6, n(plotHeight / 2 + 8), t.lanes().size()));
    }
    return b.append("</svg>").toString();
  }

  private static void axis(StringBuilder b, double axisMs, double scale, double y) {
    double step = Svg.tickStep(axisMs / 1000, 8) * 1000;
    b.append(fmt("<line class=\"axis\" x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\"/>", LEFT, n(y), WIDTH - RIGHT, n(y)));
    for (double ms = 0; ms <= axisMs + 1e-6; ms += step) {
      double x = LEFT + ms * scale;
      b.append(fmt("<line class=\"tick\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"/>", n(x), n(y), n(x), n(y + 4)));
      b.append(fmt("<text class=\"tick-label\" x=\"%s\" y=\"%s\">%s s</text>", n(x), n(y + 16), n(ms / 1000)));
    }
  }

  // per bar, by hand: String.format for each of 4,000 bars was a third of writing the page
  private static StringBuilder rect(StringBuilder b, String cls, double x, double y, double w, double h) {
    return b.append("<rect class=\"").append(cls).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
        .append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h)).append('"');
  }
}
