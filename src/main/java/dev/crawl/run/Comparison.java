package dev.crawl.run;

import dev.crawl.engine.Mode;
import dev.crawl.input.InputException;
import dev.crawl.report.Reports;
import dev.crawl.report.RunSummary;
import java.io.IOException;
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
  public record Result(List<RunSummary> runs, Map<String, Double> speedupOverSync, boolean identical) {
    public boolean allSaved() {
      return runs.stream().allMatch(r -> r.counts().failed() == 0 && r.counts().invalid() == 0);
    }
  }

  private final Runner runner;
  private final PrintStream progress;

  public Comparison(Runner runner, PrintStream progress) {
    this.runner = runner;
    this.progress = progress;
  }

  public Result run(RunPlan template, List<Mode> modes, Path outputDir)
      throws InputException, IOException, InterruptedException {
    List<RunSummary> runs = new ArrayList<>();
    int i = 0;
    for (Mode mode : modes) {
      i++;
      int conc = mode == Mode.SYNC ? 1 : template.concurrency();
      if (progress != null) {
        progress.printf("compare: [%d/%d] %s, concurrency %d ...%n", i, modes.size(), mode.id(), conc);
      }
      Runner.Outcome outcome = runner.run(template.forMode(mode, outputDir.resolve(mode.id())));
      if (outcome.inputFailure() != null) {
        throw outcome.inputFailure();
      }
      runs.add(outcome.summary());
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
    Result result = new Result(List.copyOf(runs), speedups, identical);
    Reports.writeJson(outputDir.resolve(FILE), result);
    return result;
  }
}
