package dev.crawl.report.html;

import dev.crawl.report.ResultsFile;
import dev.crawl.report.RunSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code report.html} and {@code summary.md} beside a run's results, and the comparison pages. */
public final class HtmlReports {
  public static final String HTML = "report.html";
  public static final String MARKDOWN = "summary.md";
  public static final String COMPARE_HTML = "compare.html";
  public static final String COMPARE_MARKDOWN = "compare.md";

  private HtmlReports() {}

  /** @param t the timeline, sampled while the run recorded its results */
  public static void writeRun(Path reportDir, RunSummary summary, Timeline t) throws IOException {
    write(reportDir.resolve(HTML), RunPage.render(summary, t));
    write(reportDir.resolve(MARKDOWN), Markdown.run(summary));
  }

  public static void writeCompare(Path outputDir, List<RunSummary> runs, Map<String, Double> speedups, boolean identical)
      throws IOException {
    Map<String, Timeline> timelines = new LinkedHashMap<>();
    for (RunSummary r : runs) {
      timelines.put(r.label(), Timeline.read(Path.of(r.reportDir()).resolve(ResultsFile.NAME)));
    }
    write(outputDir.resolve(COMPARE_HTML), ComparePage.render(outputDir, runs, speedups, identical, timelines));
    write(outputDir.resolve(COMPARE_MARKDOWN), Markdown.compare(runs, speedups, identical));
  }

  private static void write(Path file, String content) throws IOException {
    Path temp = file.resolveSibling("." + file.getFileName() + ".part");
    Files.writeString(temp, content, StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
