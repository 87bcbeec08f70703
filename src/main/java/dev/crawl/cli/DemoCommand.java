package dev.crawl.cli;

import dev.crawl.demo.DemoServer;
import dev.crawl.engine.Mode;
import dev.crawl.fetch.FetchSettings;
import dev.crawl.fetch.TransportKind;
import dev.crawl.input.InputSource;
import dev.crawl.report.ComparisonTable;
import dev.crawl.report.RunSummary;
import dev.crawl.report.StdoutFormat;
import dev.crawl.report.html.HtmlReports;
import dev.crawl.run.Comparison;
import dev.crawl.run.Display;
import dev.crawl.run.EarlierFiles;
import dev.crawl.run.RunPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
final class DemoCommand implements Callable<Integer>, OutputOptions.Holder {
  private final Io io;

  @Mixin SiteOptions site;

  @Option(names = {"-c", "--concurrency"}, paramLabel = "N", description = "Downloads in flight (default: ${DEFAULT-VALUE}).", defaultValue = "24")
  int concurrency;

  @Option(names = {"-m", "--modes"}, split = ",", paramLabel = "MODE", description = "Modes to run (default: all five).")
  List<Mode> modes = List.of(Mode.values());

  @Option(
      names = "--transports",
      split = ",",
      paramLabel = "NAME",
      description = "Run each mode over each of these transports, side by side: netty (the default), jdk.")
  List<TransportKind> transports = List.of();

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where files and reports go (default: a new temporary directory).")
  Path output;

  @Mixin OutputOptions messages;

  DemoCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path out = output != null ? output : Files.createTempDirectory("crawl-demo-");
    OutputDirectory.create(out);
    try (DemoServer server = site.start(0, 100_000)) {
      Path list = out.resolve("urls.txt");
      Files.writeString(list, server.urlList(), StandardCharsets.UTF_8);
      io.err()
          .printf(
              "demo: %d files on %s, %d–%d ms latency each; %s%n",
              site.files, server.base(), site.delay.toMillis(), site.delay.toMillis() + site.jitter.toMillis(),
              String.join(", ", modes.stream().map(Mode::id).toList()));
      RunPlan template =
          new RunPlan(
              modes.get(0),
              checkedConcurrency(),
              List.of(InputSource.of(list.toString())),
              out,
              null,
              StdoutFormat.NONE,
              Display.detect(messages.quiet),
              EarlierFiles.REPLACE,
              FetchSettings.DEFAULTS.withPerHost(concurrency));
      Comparison.Result result = CompareCommand.compare(io, template, modes, transports, out);
      io.out().println();
      io.out().print(ComparisonTable.render(result.runs()));
      io.out().println();
      return verify(result, server.site().expectedDigest(server.base()), out);
    }
  }

  private int checkedConcurrency() {
    if (concurrency < 1 || concurrency > 10_000) {
      throw new ExitException(ExitException.USAGE, "--concurrency must be between 1 and 10000");
    }
    return concurrency;
  }

  private int verify(Comparison.Result result, String expected, Path out) {
    List<String> wrong =
        result.runs().stream().filter(r -> !r.contentDigest().equals(expected)).map(RunSummary::label).toList();
    if (wrong.isEmpty()) {
      io.out()
          .printf(
              Locale.US,
              "verified: all %d %s saved the same %d files, byte for byte as served (digest %s)%n",
              result.runs().size(),
              transports.size() > 1 ? "runs" : "modes",
              site.files,
              expected.substring(expected.indexOf(':') + 1, expected.indexOf(':') + 13));
    } else {
      io.out().println("NOT verified: these modes saved different files: " + String.join(", ", wrong));
    }
    io.out().println("report: " + out.toAbsolutePath().resolve(HtmlReports.COMPARE_HTML)
        + " (also compare.md, compare.json, and each mode's MODE/.crawl/report.html)");
    return wrong.isEmpty() ? 0 : ExitException.FAILURES;
  }

  @Override
  public OutputOptions messages() {
    return messages;
  }
}
