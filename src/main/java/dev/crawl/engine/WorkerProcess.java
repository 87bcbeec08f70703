package dev.crawl.engine;

import java.io.EOFException;
import java.io.IOException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.ObjectStreamException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** One worker JVM seen from the parent: send a request line, read a reply line. */
final class WorkerProcess {

  /** The worker ended while it had a task. */
  static final class DiedException extends Exception {
    DiedException(String message) {
      super(message);
    }
  }

  /**
   * A worker ready to fetch.
   *
   * @param nanos from asking the OS for the process to its first line: JVM start and set-up
   * @param sharing its JVM runs on a start-up cache
   */
  record Started(long nanos, boolean sharing) {}

  private final Process process;
  private final long launched;
  private final DataOutputStream requests;
  private final DataInputStream replies;

  private WorkerProcess(Process process, long launched) {
    this.process = process;
    this.launched = launched;
    this.requests = WorkerWire.writer(process.getOutputStream());
    this.replies = WorkerWire.reader(process.getInputStream());
  }

  /** Starts a worker JVM and sends it the run's settings; {@link #awaitReady} waits for it. */
  static WorkerProcess launch(WorkerSpec spec) throws IOException {
    long launched = System.nanoTime();
    Process p = new ProcessBuilder(spec.jvm().command()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      WorkerProcess w = new WorkerProcess(p, launched);
      WorkerWire.send(w.requests, spec.setup());
      return w;
    } catch (IOException e) {
      p.destroyForcibly();
      throw e;
    }
  }

  /** Waits until the worker says it is ready to fetch. */
  Started awaitReady() throws IOException {
    WorkerMessages.Ready ready;
    try {
      ready = WorkerWire.receiveReady(replies);
    } catch (IOException e) {
      process.destroyForcibly();
      throw new IOException("worker process " + process.pid() + " did not start ("
          + (e instanceof EOFException ? exitDescription() : "it said something else: " + e.getMessage()) + ")");
    }
    return new Started(System.nanoTime() - launched, ready.sharing());
  }

  WorkerMessages.Reply call(WorkerMessages.Request request) throws DiedException {
    try {
      WorkerWire.send(requests, request);
      return WorkerWire.receiveReply(replies);
    } catch (ObjectStreamException garbled) {
      process.destroyForcibly();
      throw new DiedException("worker process " + process.pid() + " sent a garbled reply");
    } catch (IOException ended) {
      throw new DiedException("worker process " + process.pid() + " " + exitDescription());
    }
  }

  /**
   * Asks the worker to stop (SIGTERM): it cuts its download short, removes the temporary file and
   * still answers for its task. Through the process handle, because {@link Process#destroy} also
   * closes our ends of the pipes: the answer for a file saved a moment before the signal was lost,
   * and the report called a saved file interrupted.
   */
  void stop() {
    process.toHandle().destroy();
  }

  /** CPU time the worker has used so far; read before closing, the OS forgets it at exit. */
  long cpuNanos() {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  /** Closes the worker's input, which ends it; forces it after a grace period. */
  void close() {
    try {
      requests.close();
    } catch (IOException ignored) {
      // already gone
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private String exitDescription() {
    try {
      if (process.waitFor(5, TimeUnit.SECONDS)) {
        return "exited with status " + process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
    return "stopped answering and was killed";
  }
}
