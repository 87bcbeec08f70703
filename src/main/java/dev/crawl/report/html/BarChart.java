package dev.crawl.report.html;

import static dev.crawl.report.html.Svg.esc;
import static dev.crawl.report.html.Svg.fmt;
import static dev.crawl.report.html.Svg.n;

import java.util.List;

/** Horizontal bars, one per mode, for the comparison page. */
final class BarChart {
  /** One bar: its label, its length, and the text written at its end. */
  record Item(String label, double value, String text) {}

  private static final int WIDTH = 960;
  private static final int LEFT = 90;
  private static final int ROW = 26;

  private BarChart() {}

  static String render(String cssClass, String title, List<Item> items) {
    double max = items.stream().mapToDouble(Item::value).max().orElse(1);
    double plotW = WIDTH - LEFT - 140;
    int height = items.size() * ROW + 8;
    StringBuilder b = new StringBuilder();
    b.append(fmt("<svg class=\"%s\" viewBox=\"0 0 %d %d\" width=\"%d\" role=\"img\"><title>%s</title>", cssClass, WIDTH, height, WIDTH, esc(title)));
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      double y = 4 + i * ROW;
      double w = max <= 0 ? 0 : Math.max(1, plotW * it.value() / max);
      b.append(fmt("<g class=\"mode-bar\" data-mode=\"%s\">", esc(it.label())));
      b.append(fmt("<text class=\"lane-name\" x=\"%d\" y=\"%s\">%s</text>", LEFT - 8, n(y + ROW * 0.6), esc(it.label())));
      b.append(fmt("<rect class=\"mbar\" x=\"%d\" y=\"%s\" width=\"%s\" height=\"%d\"><title>%s: %s</title></rect>", LEFT, n(y + 3), n(w), ROW - 8, esc(it.label()), esc(it.text())));
      b.append(fmt("<text class=\"bar-label\" x=\"%s\" y=\"%s\">%s</text>", n(LEFT + w + 6), n(y + ROW / 2.0), esc(it.text())));
      b.append("</g>");
    }
    return b.append("</svg>").toString();
  }
}
