package dev.crawl.cli;

import dev.crawl.engine.WorkerMain;
import dev.crawl.run.Interrupts;
import java.io.PrintWriter;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;

/** Entry point: wires the commands and maps every way out to one exit status and one line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("worker")) {
      // a worker JVM's start-up is paid once per process: skip the command-line parser
      System.exit(WorkerMain.serve(System.in, System.out));
    }
    System.exit(run(args, Io.system()));
  }

  public static int run(String[] args, Io io) {
    boolean verbose = List.of(args).contains("-v") || List.of(args).contains("--verbose");
    CommandLine cl = commandLine(io);
    cl.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> {
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

  static CommandLine commandLine(Io io) {
    CommandLine cl = new CommandLine(new CrawlCommand(io));
    cl.addSubcommand("compare", new CompareCommand(io));
    cl.addSubcommand("demo", new DemoCommand(io));
    cl.addSubcommand("serve", new ServeCommand(io));
    cl.addSubcommand("worker", new WorkerCommand(io));
    cl.addSubcommand("bare-loop", new BareCommand(io));
    // picocli writes the bash/zsh completion script for the whole command tree
    cl.addSubcommand("completion", new AutoComplete.GenerateCompletion());
    cl.getSubcommands().get("completion").getCommandSpec().usageMessage().hidden(false);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(new PrintWriter(io.out(), true));
    cl.setErr(new PrintWriter(io.err(), true));
    return cl;
  }
}
