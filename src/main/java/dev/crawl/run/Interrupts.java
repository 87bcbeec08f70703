package dev.crawl.run;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Ctrl-C handled in one place: the first SIGINT interrupts the thread running the job, which then
 * stops downloads, removes temporary files and writes a partial report; a second one exits at once.
 * A shutdown hook would race the running engine, so the signal is taken over instead.
 */
public final class Interrupts {
  public static final int EXIT_STATUS = 130;
  private static final AtomicBoolean requested = new AtomicBoolean();

  private Interrupts() {}

  /** Routes SIGINT to {@code runner}; call from the thread that runs the job. */
  public static void routeTo(Thread runner) {
    try {
      Signal.handle(
          new Signal("INT"),
          signal -> {
            if (requested.getAndSet(true)) {
              Runtime.getRuntime().halt(EXIT_STATUS);
            }
            System.err.println("\ncrawl: interrupted; stopping downloads and writing the report (Ctrl-C again to quit now)");
            runner.interrupt();
          });
    } catch (IllegalArgumentException unsupported) {
      // no SIGINT on this platform: the JVM's default handling stays
    }
  }

  public static boolean requested() {
    return requested.get();
  }
}
