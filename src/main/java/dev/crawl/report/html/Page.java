package dev.crawl.report.html;

import static dev.crawl.report.html.Svg.esc;

/** The skeleton every report shares: one file, inline CSS, nothing fetched from anywhere. */
final class Page {
  private static final String CSS =
      """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1000px;color:#1f2937;padding:0 12px}
      h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}
      .sub{color:#6b7280;margin:0 0 16px} .note{color:#6b7280;font-size:13px}
      .cards{display:flex;flex-wrap:wrap;gap:8px} .card{border:1px solid #e5e7eb;border-radius:6px;padding:8px 12px;min-width:110px}
      .card b{display:block;font-size:18px} .card span{color:#6b7280;font-size:12px}
      table{border-collapse:collapse;font-variant-numeric:tabular-nums} th,td{padding:4px 10px;border-bottom:1px solid #f0f0f0;text-align:right}
      th:first-child,td:first-child{text-align:left} th{color:#6b7280;font-weight:600}
      svg{max-width:100%;height:auto;display:block} .stripe{fill:#f8fafc}
      .bar{fill:#2563eb} .bar.failed{fill:#dc2626} .wait{fill:#bfdbfe} .hbar{fill:#0d9488} .mbar{fill:#7c3aed}
      .axis,.tick{stroke:#9ca3af;stroke-width:1} .tick-label,.lane-name,.bar-label{font-size:11px;fill:#4b5563}
      .lane-name{text-anchor:end} .tick-label{text-anchor:middle} .bar-label{dominant-baseline:middle}
      .ok{color:#047857} .bad{color:#b91c1c} code{font-size:12px}
      .legend span{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px;vertical-align:middle}
      """;

  private Page() {}

  static String wrap(String title, String body) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + esc(title) + "</title><style>" + CSS + "</style></head><body>\n"
        + body
        + "\n<p class=\"note\">Made by crawl. Self-contained: no scripts, fonts or images are fetched.</p>"
        + "\n</body></html>\n";
  }

  static String card(String value, String label) {
    return "<div class=\"card\"><b>" + esc(value) + "</b><span>" + esc(label) + "</span></div>";
  }

  static String legend() {
    return "<p class=\"legend note\">Each row is a lane (a thread, virtual-thread slot, worker process or"
        + " event-loop slot); each bar one download from start to finish."
        + "<span style=\"background:#2563eb\"></span>saved<span style=\"background:#dc2626\"></span>failed"
        + "<span style=\"background:#bfdbfe\"></span>waiting for a per-host slot (not counted as latency)."
        + " Hover a bar for its URL, status, size and time.</p>";
  }
}
