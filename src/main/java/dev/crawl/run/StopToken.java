package dev.crawl.run;

/**
 * One run's stop: set when a stop signal arrives while the run is on. Each run has its own, so a
 * signal that stopped one run of {@code compare} does not mark the next, nor a later run in the
 * same JVM (tests).
 */
final class StopToken {
  private final Thread runner;
  private volatile String signal;
  private volatile Runnable onStop = () -> {};

  /** @param runner the thread that runs the job, interrupted by the stop */
  StopToken(Thread runner) {
    this.runner = runner;
  }

  /**
   * What to do first when the stop comes, before the job's thread hears of it: results that arrive
   * from then on belong to the stopped run, even those reported before the engine returns.
   */
  void onStop(Runnable action) {
    onStop = action;
  }

  /** Stops the run: first the action, then the job's thread hears of it. */
  void stop(String signalName) {
    signal = signalName;
    onStop.run();
    runner.interrupt();
  }

  boolean stopped() {
    return signal != null;
  }

  /** {@code SIGTERM}, {@code SIGINT}, ...: what stopped the run, for messages. */
  String signalName() {
    return signal == null ? "SIGINT" : signal;
  }
}
