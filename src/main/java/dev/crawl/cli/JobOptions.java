package dev.crawl.cli;

import dev.crawl.input.InputSource;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every downloading command takes: how many at once, and the inputs. */
final class JobOptions {
  @Option(
      names = {"-c", "--concurrency"},
      paramLabel = "N",
      description = "Downloads in flight at once (default: ${DEFAULT-VALUE}); sync ignores it.",
      defaultValue = "16")
  int concurrency;

  @Parameters(paramLabel = "FILE | - | URL", description = "URL lists, '-' for stdin, or URLs.")
  List<String> inputs = List.of();

  int concurrency() {
    if (concurrency < 1 || concurrency > 10_000) {
      throw new ExitException(ExitException.USAGE, "--concurrency must be between 1 and 10000, got " + concurrency);
    }
    return concurrency;
  }

  List<InputSource> sources() {
    if (inputs.isEmpty()) {
      throw new ExitException(
          ExitException.USAGE,
          "no input: give URL list files, '-' for standard input, or URLs (see crawl --help)");
    }
    return inputs.stream().map(InputSource::of).toList();
  }
}
