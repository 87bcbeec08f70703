package dev.crawl.run;

import dev.crawl.engine.Mode;
import dev.crawl.fetch.TransportKind;
import dev.crawl.input.InputException;
import dev.crawl.input.InputLine;
import dev.crawl.input.InputSource;
import dev.crawl.input.LineReader;
import dev.crawl.input.UrlParser;
import dev.crawl.report.Reports;
import dev.crawl.report.RunSummary;
import dev.crawl.report.StdoutFormat;
import dev.crawl.report.html.HtmlReports;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
      List<RunSummary> runs,
      Map<String, Double> speedupOverSync,
      boolean identical,
      int warmUpUrls,
      int warmUpPasses,
      List<String> warmUpModes) {
    public boolean allSaved() {
      return runs.stream().allMatch(r -> r.counts().failed() == 0 && r.counts().invalid() == 0);
    }
  }

  /** URLs fetched, untimed, before the first mode, so no mode pays the JIT warm-up for all. */
  static final int WARM_UP_URLS = 100;

  /**
   * Each pass opens its connections anew. Code that runs once per connection or per download is
   * compiled only after some 200 calls; with one pass the first timed mode still ran it
   * interpreted and lost 20–40 ms in its first round alone. Measured (1,000 URLs, 100 at once,
   * first mode timed): 1 pass 1.16–1.20 s, 3 passes 1.11–1.13 s, 6 passes 1.08–1.11 s.
   */
  static final int WARM_UP_PASSES = 6;

  /** At low concurrency or on slow servers a pass takes long; the warm-up stops after this. */
  static final long WARM_UP_BUDGET_NANOS = 1_500_000_000L;

  private final Runner runner;
  private final PrintStream progress;

  public Comparison(Runner runner, PrintStream progress) {
    this.runner = runner;
    this.progress = progress;
  }

  /**
   * @param transports the transports each mode runs over, side by side; empty for the template's
   *     own
   */
  public Result run(RunPlan template, List<Mode> modes, List<TransportKind> transports, Path outputDir)
      throws InputException, IOException, InterruptedException {
    List<Mode> warmModes = warmUpModes(modes);
    List<TransportKind> over = transports.isEmpty() ? List.of(template.fetch().transport()) : List.copyOf(transports);
    int passes = 0;
    for (TransportKind t : over) {
      passes = warmUp(template.over(t), warmModes, outputDir);
    }
    List<RunSummary> runs = new ArrayList<>();
    int i = 0;
    int total = modes.size() * over.size();
    for (Mode mode : modes) {
      for (TransportKind transport : over) {
        i++;
        int conc = mode == Mode.SYNC ? 1 : template.concurrency();
        // a directory a mode: MODE, or MODE-TRANSPORT where transports are compared too
        String name = over.size() > 1 ? mode.id() + "-" + transport.id() : mode.id();
        if (progress != null) {
          progress.printf("compare: [%d/%d] %s, concurrency %d ...%n", i, total,
              over.size() > 1 ? mode.id() + " over " + transport.id() : mode.id(), conc);
        }
        // every mode starts on an empty young generation: otherwise the collection the previous
        // mode made due lands in the next one's timed run (20–50 ms here, a stall for every lane)
        System.gc();
        Runner.Outcome outcome = runner.run(template.over(transport).forMode(mode, outputDir.resolve(name)));
        if (outcome.inputFailure() != null) {
          throw outcome.inputFailure();
        }
        runs.add(outcome.summary());
        if (outcome.interrupted()) {
          throw new InterruptedException("interrupted during " + name);
        }
      }
    }
    Map<String, Double> speedups = new LinkedHashMap<>();
    runs.stream()
        .filter(r -> r.mode().equals("sync"))
        .findFirst()
        .ifPresent(
            sync ->
                runs.forEach(
                    r -> speedups.put(r.label(), Runner.round(sync.wallSeconds() / r.wallSeconds(), 2))));
    boolean identical = runs.stream().map(RunSummary::contentDigest).distinct().count() <= 1;
    Result result = new Result(List.copyOf(runs), speedups, identical, WARM_UP_URLS, passes, warmModes.stream().map(Mode::id).toList());
    Reports.writeJson(outputDir.resolve(FILE), result);
    HtmlReports.writeCompare(outputDir, result.runs(), speedups, identical);
    return result;
  }

  /**
   * The modes that warm up, in turn: each in-process concurrent mode compared has code of its own
   * (virtual-thread scheduling, thread start-up). Not sync (100 URLs one by one take 10 s at 100
   * ms) nor processes (its workers are new JVMs every run whatever the parent has compiled).
   */
  static List<Mode> warmUpModes(List<Mode> modes) {
    List<Mode> warm =
        modes.stream().distinct().filter(m -> m == Mode.ASYNC || m == Mode.VIRTUAL || m == Mode.THREADS).toList();
    return warm.isEmpty() ? List.of(Mode.ASYNC) : warm;
  }

  /** Returns the number of passes made. */
  private int warmUp(RunPlan template, List<Mode> warmModes, Path outputDir)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(outputDir, ".warm-up-");
    try {
      Path list = dir.resolve("urls.txt");
      Files.write(list, firstUrls(template, WARM_UP_URLS), StandardCharsets.UTF_8);
      if (progress != null) {
        progress.printf("compare: warming up on the first %d URLs (not timed) ...%n", WARM_UP_URLS);
      }
      PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
      long start = System.nanoTime();
      int pass = 0;
      while (pass < WARM_UP_PASSES && (pass == 0 || System.nanoTime() - start < WARM_UP_BUDGET_NANOS)) {
        RunPlan warm =
            new RunPlan(warmModes.get(pass % warmModes.size()), template.concurrency(), List.of(InputSource.of(list.toString())),
                dir.resolve("files-" + pass), null, StdoutFormat.NONE, Display.NONE, EarlierFiles.REPLACE, template.fetch());
        try {
          new Runner(InputStream.nullInputStream(), silent, silent).run(warm);
        } catch (InputException e) {
          throw new IllegalStateException("the warm-up list is ours and readable", e);
        }
        pass++;
      }
      return pass;
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
