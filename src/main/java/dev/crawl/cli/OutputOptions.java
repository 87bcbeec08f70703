package dev.crawl.cli;

import picocli.CommandLine.Option;

/** How much a command says on stderr: the same two options on every command that runs a job. */
final class OutputOptions {
  @Option(
      names = {"-q", "--quiet"},
      description = "No progress or summary on stderr; warnings about bad input lines still appear.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, description = "Show details, stack traces included, when something goes wrong.")
  boolean verbose;

  /** A command that takes these options, so that its errors are shown as it asked. */
  interface Holder {
    OutputOptions messages();
  }

  /** The options of the command an error came from; quiet and terse for a command without them. */
  static OutputOptions of(Object command) {
    return command instanceof Holder h ? h.messages() : new OutputOptions();
  }
}
