package dev.crawl.cli;

import dev.crawl.demo.DemoServer;
import dev.crawl.demo.SiteContent;
import dev.crawl.engine.Mode;
import dev.crawl.fetch.FetchSettings;
import dev.crawl.input.InputException;
import dev.crawl.input.InputSource;
import dev.crawl.report.ComparisonTable;
import dev.crawl.report.RunSummary;
import dev.crawl.run.Comparison;
import dev.crawl.run.RunPlan;
import dev.crawl.run.Runner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Offline showcase: start the embedded server on 127.0.0.1, download the same files in every "
          + "mode, verify every mode saved identical files, and print the comparison.",
    })
final class DemoCommand implements Callable<Integer> {
  private final Io io;

  @Option(names = "--files", paramLabel = "N", description = "Files to download (default: ${DEFAULT-VALUE}).", defaultValue = "120")
  int files;

  @Option(
      names = "--delay",
      paramLabel = "TIME",
      converter = Converters.MillisConverter.class,
      description = "Server latency per file; a bare number is ms (default: ${DEFAULT-VALUE}).",
      defaultValue = "100")
  Duration delay;

  @Option(
      names = "--jitter",
      paramLabel = "TIME",
      converter = Converters.MillisConverter.class,
      description = "Extra latency per file, up to TIME (default: ${DEFAULT-VALUE}).",
      defaultValue = "100")
  Duration jitter;

  @Option(names = {"-c", "--concurrency"}, paramLabel = "N", description = "Downloads in flight (default: ${DEFAULT-VALUE}).", defaultValue = "24")
  int concurrency;

  @Option(names = {"-m", "--modes"}, split = ",", paramLabel = "MODE", description = "Modes to run (default: all five).")
  List<Mode> modes = List.of(Mode.values());

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where files and reports go (default: a new temporary directory).")
  Path output;

  @Option(names = {"-v", "--verbose"}, description = "Show details when something goes wrong.")
  boolean verbose;

  DemoCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (files < 1 || files > 100_000) {
      throw new ExitException(ExitException.USAGE, "--files must be between 1 and 100000");
    }
    Path out = output != null ? output : Files.createTempDirectory("crawl-demo-");
    Files.createDirectories(out);
    SiteContent site = new SiteContent(files);
    try (DemoServer server = DemoServer.start(0, site, delay.toMillis(), jitter.toMillis())) {
      Path list = out.resolve("urls.txt");
      Files.writeString(list, server.urlList(), StandardCharsets.UTF_8);
      io.err()
          .printf(
              "demo: %d files on %s, %d–%d ms latency each; %s%n",
              files, server.base(), delay.toMillis(), delay.toMillis() + jitter.toMillis(),
              String.join(", ", modes.stream().map(Mode::id).toList()));
      RunPlan template =
          new RunPlan(
              modes.get(0),
              CrawlCommand.checkedConcurrency(concurrency),
              List.of(InputSource.of(list.toString())),
              out,
              null,
              false,
              FetchSettings.defaults());
      Comparison.Result result;
      try {
        result = new Comparison(new Runner(io.in(), io.out(), io.err()), io.err()).run(template, modes, out);
      } catch (InputException e) {
        throw new ExitException(ExitException.USAGE, e.getMessage(), e);
      }
      io.out().println();
      io.out().print(ComparisonTable.render(result.runs()));
      io.out().println();
      return verify(result, site.expectedDigest(server.base()), out);
    }
  }

  private int verify(Comparison.Result result, String expected, Path out) {
    List<String> wrong =
        result.runs().stream().filter(r -> !r.contentDigest().equals(expected)).map(RunSummary::mode).toList();
    if (wrong.isEmpty()) {
      io.out()
          .printf(
              Locale.US,
              "verified: all %d modes saved the same %d files, byte for byte as served (digest %s)%n",
              result.runs().size(),
              files,
              expected.substring(expected.indexOf(':') + 1, expected.indexOf(':') + 13));
    } else {
      io.out().println("NOT verified: these modes saved different files: " + String.join(", ", wrong));
    }
    io.out().println("reports: " + out.toAbsolutePath().resolve(Comparison.FILE) + " and " + out.toAbsolutePath() + "/MODE/.crawl/");
    return wrong.isEmpty() ? 0 : ExitException.FAILURES;
  }
}
