package dev.crawl.run;

import java.util.Map;
import sun.misc.Signal;

/**
 * Stop signals handled in one place. SIGINT (Ctrl-C), SIGTERM ({@code kill}, {@code timeout},
 * systemd, Kubernetes) and SIGHUP (the terminal went away) all interrupt the thread running the job,
 * which then stops downloads, removes temporary files and writes a partial report; a second signal
 * exits at once. A shutdown hook would race the running engine, so the signals are taken over.
 */
public final class Interrupts {
  /** The exit status of each stop signal, 128 plus its number, as shells report it. */
  private static final Map<String, Integer> STOP_SIGNALS = Map.of("INT", 130, "HUP", 129, "TERM", 143);

  private static volatile String received;
  private static volatile StopToken current;

  private Interrupts() {}

  /** Routes the stop signals to {@code runner}; call from the thread that runs the job. */
  public static void routeTo(Thread runner) {
    for (String name : STOP_SIGNALS.keySet()) {
      try {
        Signal.handle(new Signal(name), signal -> stop(name, runner));
      } catch (IllegalArgumentException unsupported) {
        // not on this platform, or the JVM runs with -Xrs: the default handling stays
      }
    }
  }

  private static synchronized void stop(String name, Thread runner) {
    if (received != null) {
      Runtime.getRuntime().halt(STOP_SIGNALS.get(received));
    }
    received = name;
    String again = name.equals("INT") ? "Ctrl-C again" : "the signal again";
    System.err.println("\ncrawl: " + signalName() + ": stopping downloads and writing the report (" + again + " to quit now)");
    StopToken run = current;
    if (run != null) {
      run.stop(signalName());
    } else {
      runner.interrupt(); // between runs (compare): the next one must not start
    }
  }

  /** Hands a stop signal to this run's token, until the returned handle is closed. */
  static Watch watch(StopToken token) {
    current = token;
    return () -> current = null;
  }

  /** A watch that ends without a checked exception. */
  interface Watch extends AutoCloseable {
    @Override
    void close();
  }

  /** {@code SIGTERM}, {@code SIGINT}, ...: the signal that stopped the run, for messages. */
  public static String signalName() {
    return "SIG" + (received == null ? "INT" : received);
  }

  /** 130 after SIGINT, 143 after SIGTERM, 129 after SIGHUP. */
  public static int exitStatus() {
    return STOP_SIGNALS.get(received == null ? "INT" : received);
  }
}
