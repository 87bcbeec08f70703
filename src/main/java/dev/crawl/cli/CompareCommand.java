package dev.crawl.cli;

import dev.crawl.engine.Mode;
import dev.crawl.fetch.TransportKind;
import dev.crawl.input.InputException;
import dev.crawl.input.InputSource;
import dev.crawl.report.ComparisonTable;
import dev.crawl.report.StdoutFormat;
import dev.crawl.report.html.HtmlReports;
import dev.crawl.run.Comparison;
import dev.crawl.run.Display;
import dev.crawl.run.EarlierFiles;
import dev.crawl.run.Interrupts;
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
final class CompareCommand implements Callable<Integer>, OutputOptions.Holder {
  private final Io io;

  @Option(
      names = {"-m", "--modes"},
      split = ",",
      paramLabel = "MODE",
      description = "Modes to run, comma-separated (default: all five).")
  List<Mode> modes = List.of(Mode.values());

  @Option(
      names = "--transports",
      split = ",",
      paramLabel = "NAME",
      description = "Run each mode over each of these transports, side by side (netty,jdk); default: --transport's.")
  List<TransportKind> transports = List.of();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Save each mode's files under DIR/MODE (default: ${DEFAULT-VALUE}).",
      defaultValue = "crawl-compare")
  Path output;

  @Mixin OutputOptions messages;

  @Mixin JobOptions job;

  @Mixin FetchOptions fetch;

  CompareCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    List<InputSource> sources = job.sources();
    OutputDirectory.create(output);
    fetch.warn(io.err());
    RunPlan template =
        new RunPlan(
            modes.get(0),
            job.concurrency(),
            replayable(sources),
            output,
            null,
            StdoutFormat.NONE,
            Display.detect(messages.quiet),
            EarlierFiles.REPLACE,
            fetch.settings(job.concurrency()));
    Comparison.Result result = compare(io, template, modes, transports, output);
    io.out().print(ComparisonTable.render(result.runs()));
    io.err().println("compare: report in " + output.resolve(HtmlReports.COMPARE_HTML).toAbsolutePath()
        + " (and compare.md, compare.json, MODE/.crawl/)");
    if (!result.identical()) {
      io.err().println("compare: WARNING: the modes did not save identical files; see each MODE/.crawl/results.jsonl");
      return ExitException.FAILURES;
    }
    return result.allSaved() ? 0 : ExitException.FAILURES;
  }

  /** Runs the comparison; unreadable input ends the command with status 2. */
  static Comparison.Result compare(Io io, RunPlan template, List<Mode> modes, List<TransportKind> transports,
      Path output) throws IOException, InterruptedException {
    Interrupts.routeTo(Thread.currentThread());
    try {
      return new Comparison(new Runner(io.in(), io.out(), io.err()), io.err()).run(template, modes, transports, output);
    } catch (InputException e) {
      throw new ExitException(ExitException.USAGE, e.getMessage(), e);
    }
  }

  /** Standard input can be read once; every mode needs the list, so it is kept in a file. */
  private List<InputSource> replayable(List<InputSource> given) throws IOException {
    List<InputSource> sources = new ArrayList<>();
    for (InputSource s : given) {
      if (s.kind() == InputSource.Kind.STDIN) {
        Path copy = output.resolve("stdin-urls.txt");
        Files.copy(io.in(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        s = new InputSource(InputSource.Kind.FILE, "stdin", copy.toString());
      }
      sources.add(s);
    }
    return sources;
  }

  @Override
  public OutputOptions messages() {
    return messages;
  }
}
