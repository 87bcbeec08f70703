package dev.crawl.cli;

import dev.crawl.engine.Mode;
import dev.crawl.input.InputException;
import dev.crawl.input.InputSource;
import dev.crawl.report.ComparisonTable;
import dev.crawl.run.Comparison;
import dev.crawl.run.RunPlan;
import dev.crawl.run.Runner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Run the same download job in several modes, one after another, and print them side by side.",
      "Each mode saves into OUTPUT/MODE; OUTPUT/compare.json holds every summary and whether all "
          + "modes saved identical files."
    })
final class CompareCommand implements Callable<Integer> {
  private final Io io;

  @Option(
      names = {"-m", "--modes"},
      split = ",",
      paramLabel = "MODE",
      description = "Modes to run, comma-separated (default: all five).")
  List<Mode> modes = List.of(Mode.values());

  @Option(
      names = {"-c", "--concurrency"},
      paramLabel = "N",
      description = "Downloads in flight at once (default: ${DEFAULT-VALUE}); sync ignores it.",
      defaultValue = "16")
  int concurrency;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Save each mode's files under DIR/MODE (default: ${DEFAULT-VALUE}).",
      defaultValue = "crawl-compare")
  Path output;

  @Option(names = {"-v", "--verbose"}, description = "Show details when something goes wrong.")
  boolean verbose;

  @Mixin FetchOptions fetch;

  @Parameters(paramLabel = "FILE | - | URL", description = "URL lists, '-' for stdin, or URLs.")
  List<String> inputs = List.of();

  CompareCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (inputs.isEmpty()) {
      throw new ExitException(
          ExitException.USAGE, "no input: give URL list files, '-' for standard input, or URLs");
    }
    Files.createDirectories(output);
    RunPlan template =
        new RunPlan(
            modes.get(0),
            CrawlCommand.checkedConcurrency(concurrency),
            replayableInputs(),
            output,
            null,
            false,
            fetch.settings());
    Comparison.Result result;
    try {
      result = new Comparison(new Runner(io.in(), io.out(), io.err()), io.err()).run(template, modes, output);
    } catch (InputException e) {
      throw new ExitException(ExitException.USAGE, e.getMessage(), e);
    }
    io.out().print(ComparisonTable.render(result.runs()));
    io.err().println("compare: summaries in " + output.resolve(Comparison.FILE).toAbsolutePath());
    if (!result.identical()) {
      io.err().println("compare: WARNING: the modes did not save identical files; see each MODE/.crawl/results.jsonl");
      return ExitException.FAILURES;
    }
    return result.allSaved() ? 0 : ExitException.FAILURES;
  }

  /** Standard input can be read once; every mode needs the list, so it is kept in a file. */
  private List<InputSource> replayableInputs() throws IOException {
    List<InputSource> sources = new ArrayList<>();
    for (String arg : inputs) {
      InputSource s = InputSource.of(arg);
      if (s.kind() == InputSource.Kind.STDIN) {
        Path copy = output.resolve("stdin-urls.txt");
        Files.copy(io.in(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        s = new InputSource(InputSource.Kind.FILE, "stdin", copy.toString());
      }
      sources.add(s);
    }
    return sources;
  }
}
