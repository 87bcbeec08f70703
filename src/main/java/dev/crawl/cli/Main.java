package dev.crawl.cli;

import dev.crawl.engine.WorkerMain;
import dev.crawl.fetch.WarmUp;
import dev.crawl.run.Interrupts;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.AutoComplete;
import picocli.CommandLine;

/** Entry point: wires the commands and maps every way out to one exit status and one line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("worker")) {
      // a worker JVM's start-up is paid once per process: skip the command-line parser
      WorkerMain.main(args);
    }
    if (!asksForVersion(args)) {
      WarmUp.start();
    }
    System.exit(run(args, Io.system()));
  }

  public static int run(String[] args, Io io) {
    if (asksForVersion(args)) {
      // the version is asked of a launcher in scripts and to check an install: answered without
      // building the option model, which is most of a start-up (0.12 s of 0.30 s)
      for (String line : new VersionProvider().getVersion()) {
        io.out().println(line);
      }
      return 0;
    }
    CommandLine cl = commandLine(io, List.of(args));
    cl.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> {
          boolean verbose = OutputOptions.of(cmd.getCommand()).verbose;
          if (e instanceof ExitException exit) {
            io.err().println("crawl: " + exit.getMessage());
            if (verbose && exit.getCause() != null) {
              exit.getCause().printStackTrace(io.err());
            }
            return exit.status();
          }
          if (e instanceof InterruptedException) {
            io.err().println("crawl: stopped by " + Interrupts.signalName() + "; each finished mode's report is in OUTPUT/MODE/.crawl");
            return Interrupts.exitStatus();
          }
          io.err().println("crawl: internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
          if (verbose) {
            e.printStackTrace(io.err());
          }
          return 70;
        });
    cl.setParameterExceptionHandler(
        (e, parseArgs) -> {
          io.err().println("crawl: " + e.getMessage());
          io.err().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return ExitException.USAGE;
        });
    return cl.execute(args);
  }

  private static boolean asksForVersion(String[] args) {
    return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
  }

  /**
   * The command tree for one command line. Picocli reads each command's annotations when it is
   * added, so a subcommand is added only when its name is on the line (or help or the completion
   * script needs them all): a download run does not pay for the option model of five others.
   */
  static CommandLine commandLine(Io io, List<String> args) {
    CommandLine cl = new CommandLine(new CrawlCommand(io));
    boolean all = args.contains("-h") || args.contains("--help") || args.contains("completion");
    subcommands(io).forEach((name, command) -> {
      if (all || args.contains(name)) {
        cl.addSubcommand(name, command.get());
      }
    });
    CommandLine completion = cl.getSubcommands().get("completion");
    if (completion != null) { // hidden by picocli's default; ours is part of the documented interface
      completion.getCommandSpec().usageMessage().hidden(false);
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setDefaultValueProvider(new FetchDefaults());
    cl.setOut(new PrintWriter(io.out(), true));
    cl.setErr(new PrintWriter(io.err(), true));
    return cl;
  }

  private static Map<String, Supplier<Object>> subcommands(Io io) {
    Map<String, Supplier<Object>> all = new LinkedHashMap<>();
    all.put("compare", () -> new CompareCommand(io));
    all.put("demo", () -> new DemoCommand(io));
    all.put("serve", () -> new ServeCommand(io));
    all.put("merge", () -> new MergeCommand(io));
    all.put("seed", () -> new SeedCommand(io));
    all.put("worker", () -> new WorkerCommand(io));
    all.put("bare-loop", () -> new BareCommand(io));
    // picocli writes the bash/zsh completion script for the whole command tree
    all.put("completion", () -> new AutoComplete.GenerateCompletion());
    return all;
  }
}
