package dev.crawl.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawl.core.Discovered;
import dev.crawl.core.FetchTimings;
import dev.crawl.core.Task;
import dev.crawl.core.UrlResult;
import dev.crawl.report.Counts;
import dev.crawl.report.Latency;
import dev.crawl.report.LatencyBucket;
import dev.crawl.report.ResultsFile;
import dev.crawl.report.RunSummary;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parses the generated HTML and checks its structure and numbers, never its exact bytes. */
class HtmlReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void drawsOneBarPerDownloadAndOneRowPerLane() throws Exception {
    Path dir = run("threads", 30, 4, 3);

    Document page = Jsoup.parse(dir.resolve(HtmlReports.HTML).toFile());

    assertEquals(30, page.select("svg.timeline rect.bar").size());
    assertEquals(3, page.select("svg.timeline rect.bar.failed").size());
    assertEquals(4, page.select("svg.timeline g.lane").size());
    assertEquals(List.of("lane-1", "lane-2", "lane-3", "lane-4"), page.select("g.lane").eachAttr("data-lane"));
    assertTrue(page.select("rect.bar > title").first().text().contains("http://h/"));
    assertTrue(page.select(".sampled").isEmpty());
  }

  @Test
  void listsFailuresWithTheirReasons() throws Exception {
    Document page = Jsoup.parse(run("async", 10, 2, 2).resolve(HtmlReports.HTML).toFile());

    assertEquals(2, page.select("table.failures tr").size() - 1);
    assertTrue(page.select("table.failures").text().contains("HTTP 503"));
  }

  @Test
  void samplesLargeRunsAndSaysSo() throws Exception {
    int downloads = Timeline.MAX_BARS * 3;
    Document page = Jsoup.parse(run("virtual", downloads, 8, 0).resolve(HtmlReports.HTML).toFile());

    assertEquals(Timeline.MAX_BARS, page.select("rect.bar").size());
    assertTrue(page.select(".sampled").text().contains("12,000"), page.select(".sampled").text());
  }

  @Test
  void drawsTheLatencyHistogramAndPercentiles() throws Exception {
    Document page = Jsoup.parse(run("sync", 5, 1, 0).resolve(HtmlReports.HTML).toFile());

    assertEquals(30, page.select("svg.histogram rect.hbar").size());
    assertTrue(page.select("table.percentiles").text().contains("p99"));
  }

  @Test
  void comparisonHasATimelinePerModeOnOneAxisAndABarPerMode() throws Exception {
    List<RunSummary> runs = new ArrayList<>();
    Map<String, Double> speedups = new LinkedHashMap<>();
    for (String mode : List.of("sync", "async", "virtual")) {
      Path dir = run(mode, 12, mode.equals("sync") ? 1 : 4, 0);
      runs.add(JSON.readValue(dir.resolve("summary.json").toFile(), RunSummary.class));
      speedups.put(mode, 1.0);
    }
    HtmlReports.writeCompare(tmp, runs, speedups, true);

    Document page = Jsoup.parse(tmp.resolve(HtmlReports.COMPARE_HTML).toFile());

    assertEquals(List.of("sync", "async", "virtual"), page.select("section.mode").eachAttr("data-mode"));
    assertEquals(3, page.select("section.mode svg.timeline").size());
    assertEquals(3, page.select("svg.wall g.mode-bar").size());
    assertEquals(36, page.select("rect.bar").size());
    for (String href : page.select("section.mode a").eachAttr("href")) {
      assertTrue(Files.isRegularFile(tmp.resolve(href)), href);
    }
    assertTrue(Files.readString(tmp.resolve(HtmlReports.COMPARE_MARKDOWN)).contains("| virtual |"));
  }

  @Test
  void fetchesNothingFromAnywhere() throws Exception {
    Document page = Jsoup.parse(run("threads", 5, 2, 1).resolve(HtmlReports.HTML).toFile());

    for (Element e : page.select("[src], [href], link, script, img, iframe")) {
      String ref = e.hasAttr("src") ? e.attr("src") : e.attr("href");
      assertFalse(ref.startsWith("http") || ref.startsWith("//") || ref.isEmpty(), e.outerHtml());
    }
    assertTrue(page.select("script, link[rel=stylesheet], img").isEmpty());
    assertFalse(page.html().contains("@import"));
  }

  @Test
  void escapesHostileUrlsInTitles() throws Exception {
    Path dir = tmp.resolve("hostile");
    Files.createDirectories(dir);
    // a reason can quote what a server sent
    UrlResult evil = new UrlResult.Failed(new Task(1, URI.create("http://h/x"), "args:1", 0), null, 500,
        "HTTP 500: <script>alert(1)</script>", 1, new FetchTimings(0, 1_000_000, 2_000_000, 3_000_000, "main"));
    Files.writeString(dir.resolve(ResultsFile.NAME), ResultsFile.line(evil) + "\n");
    HtmlReports.writeRun(dir, summary("sync", dir, 1, 0), Timeline.read(dir.resolve(ResultsFile.NAME)));

    Document page = Jsoup.parse(dir.resolve(HtmlReports.HTML).toFile());

    assertTrue(page.select("script").isEmpty());
    assertTrue(page.select("rect.bar > title").text().contains("<script>"));
  }

  /** A report directory with a synthetic results.jsonl: downloads spread over lanes, some failed. */
  private Path run(String mode, int downloads, int lanes, int failures) throws Exception {
    Path dir = tmp.resolve(mode + "-" + downloads);
    Files.createDirectories(dir);
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < downloads; i++) {
      boolean failed = i < failures;
      double start = (i / lanes) * 100.0;
      Task task = new Task(i + 1, URI.create("http://h/" + i), "list:" + (i + 1), 0);
      FetchTimings t = new FetchTimings(0, ms(start), ms(start + 50), ms(start + 90), "lane-" + (i % lanes + 1));
      UrlResult r = failed
          ? new UrlResult.Failed(task, null, 503, "HTTP 503 (after 3 attempts)", 1, t)
          : new UrlResult.Saved(task, null, 200, 1, t,
              new UrlResult.StoredFile(100, "h/" + i, null),
              new UrlResult.Served(null, null, dev.crawl.core.Validators.NONE), Discovered.NONE);
      lines.append(ResultsFile.line(r)).append('\n');
    }
    lines.append(ResultsFile.line(new UrlResult.Invalid("ftp://x", "list:999", "unsupported scheme"))).append('\n');
    Files.writeString(dir.resolve(ResultsFile.NAME), lines.toString());
    HtmlReports.writeRun(dir, summary(mode, dir, downloads, failures), Timeline.read(dir.resolve(ResultsFile.NAME)));
    return dir;
  }

  private static long ms(double millis) {
    return (long) (millis * 1_000_000);
  }

  private static RunSummary summary(String mode, Path dir, int downloads, int failures) {
    List<LatencyBucket> buckets = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      buckets.add(new LatencyBucket(i * 3, (i + 1) * 3, i == 29 ? downloads : 0));
    }
    RunSummary s = new RunSummary(
        new RunSummary.Shape(mode, 4, 0, "test scheduling", "test executors", "netty"),
        new RunSummary.Results(new Counts(downloads - failures, failures, 1, 0), downloads * 100L, "0:0", 1,
            new java.util.TreeMap<>(java.util.Map.of("http/1.1", (long) downloads - failures))),
        new RunSummary.Speed(0.01, (downloads / 4) * 0.1 + 0.1, 0.2, 10, 1, new Latency(90, 90, 90, 90, 90, 90), buckets),
        new RunSummary.Load(4, 2, 0, null),
        new RunSummary.Context(dir.toString(), dir.toString(), "2026-11-21T00:00:00Z", "25", null, false),
        null,
        new RunSummary.Part(null, 0));
    try {
      JSON.writeValue(dir.resolve("summary.json").toFile(), s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return s;
  }
}
