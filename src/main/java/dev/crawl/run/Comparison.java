package dev.crawl.run;

import dev.crawl.engine.Mode;
import dev.crawl.input.InputException;
import dev.crawl.report.Reports;
import dev.crawl.report.RunSummary;
import dev.crawl.report.StdoutFormat;
import dev.crawl.report.html.HtmlReports;
import dev.crawl.input.InputLine;
import dev.crawl.input.InputSource;
import dev.crawl.input.LineReader;
import dev.crawl.input.UrlParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Comparator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the same job in several modes, one after another, each into its own directory. */
public final class Comparison {
  public static final String FILE = "compare.json";

  /**
   * What {@code compare.json} holds.
   *
   * @param identical every mode saved the same files with the same bytes
   */
  public record Result(
      List<RunSummary> runs, Map<String, Double> speedupOverSync, boolean identical, int warmUpUrls, int warmUpPasses) {
    public boolean allSaved() {
      return runs.stream().allMatch(r -> r.counts().failed() == 0 && r.counts().invalid() == 0);
    }
  }

  /** URLs fetched, untimed, before the first mode, so no mode pays the JIT warm-up for all. */
  static final int WARM_UP_URLS = 100;

  /**
   * Each pass opens its connections anew. Code that runs once per connection or per download is
   * compiled only after some 200 calls; with one pass the first timed mode still ran it
   * interpreted and lost 20–40 ms in its first round alone. Measured (async first, 1,000 URLs,
   * 100 at once): 1 pass 1.16–1.20 s, 3 passes 1.11–1.13 s, 5 or 8 passes 1.09–1.11 s.
   */
  static final int WARM_UP_PASSES = 5;

  private final Runner runner;
  private final PrintStream progress;

  public Comparison(Runner runner, PrintStream progress) {
    this.runner = runner;
    this.progress = progress;
  }

  public Result run(RunPlan template, List<Mode> modes, Path outputDir)
      throws InputException, IOException, InterruptedException {
    warmUp(template, outputDir);
    List<RunSummary> runs = new ArrayList<>();
    int i = 0;
    for (Mode mode : modes) {
      i++;
      int conc = mode == Mode.SYNC ? 1 : template.concurrency();
      if (progress != null) {
        progress.printf("compare: [%d/%d] %s, concurrency %d ...%n", i, modes.size(), mode.id(), conc);
      }
      // every mode starts on an empty young generation: otherwise the collection the previous
      // mode made due lands in the next one's timed run (20–50 ms here, a stall for every lane)
      System.gc();
      Runner.Outcome outcome = runner.run(template.forMode(mode, outputDir.resolve(mode.id())));
      if (outcome.inputFailure() != null) {
        throw outcome.inputFailure();
      }
      runs.add(outcome.summary());
      if (outcome.interrupted()) {
        throw new InterruptedException("interrupted during " + mode.id());
      }
    }
    Map<String, Double> speedups = new LinkedHashMap<>();
    runs.stream()
        .filter(r -> r.mode().equals("sync"))
        .findFirst()
        .ifPresent(
            sync ->
                runs.forEach(
                    r -> speedups.put(r.mode(), Runner.round(sync.wallSeconds() / r.wallSeconds(), 2))));
    boolean identical = runs.stream().map(RunSummary::contentDigest).distinct().count() <= 1;
    Result result = new Result(List.copyOf(runs), speedups, identical, WARM_UP_URLS, WARM_UP_PASSES);
    Reports.writeJson(outputDir.resolve(FILE), result);
    HtmlReports.writeCompare(outputDir, result.runs(), speedups, identical);
    return result;
  }

  private void warmUp(RunPlan template, Path outputDir) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(outputDir, ".warm-up-");
    try {
      Path list = dir.resolve("urls.txt");
      Files.write(list, firstUrls(template, WARM_UP_URLS), StandardCharsets.UTF_8);
      if (progress != null) {
        progress.printf(
            "compare: warming up on the first %d URLs, %d times (not timed) ...%n", WARM_UP_URLS, WARM_UP_PASSES);
      }
      PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
      for (int pass = 1; pass <= WARM_UP_PASSES; pass++) {
        RunPlan warm =
            new RunPlan(Mode.ASYNC, template.concurrency(), List.of(InputSource.of(list.toString())),
                dir.resolve("files-" + pass), null, StdoutFormat.NONE, Display.NONE, false, template.fetch());
        try {
          new Runner(InputStream.nullInputStream(), silent, silent).run(warm);
        } catch (InputException e) {
          throw new IllegalStateException("the warm-up list is ours and readable", e);
        }
      }
    } finally {
      try (var walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static List<String> firstUrls(RunPlan template, int count) throws IOException {
    List<String> urls = new ArrayList<>();
    try (LineReader lines = new LineReader(template.inputs(), InputStream.nullInputStream())) {
      for (InputLine line; urls.size() < count && (line = lines.next()) != null; ) {
        URI url = UrlParser.parse(line.text()).url();
        if (url != null) {
          urls.add(url.toString());
        }
      }
    } catch (InputException e) {
      // the timed runs report unreadable input properly; the warm-up just stops short
    }
    return urls;
  }
}
