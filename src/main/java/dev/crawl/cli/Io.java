package dev.crawl.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The standard streams a command uses; tests pass their own. */
public record Io(InputStream in, PrintStream out, PrintStream err) {
  public static Io system() {
    return new Io(System.in, System.out, System.err);
  }
}
