package dev.crawl.cli;

import dev.crawl.engine.WorkerMain;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The hidden worker of {@code processes} mode: requests on stdin, replies on stdout. */
@Command(name = "worker", hidden = true, description = "Internal: a processes-mode worker.")
final class WorkerCommand implements Callable<Integer> {
  private final Io io;

  WorkerCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    return WorkerMain.serve(io.in(), io.out());
  }
}
