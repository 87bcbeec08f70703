package dev.crawl.engine;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
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

  private final Process process;
  private final BufferedWriter requests;
  private final BufferedReader replies;

  private WorkerProcess(Process process) {
    this.process = process;
    this.requests =
        new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.replies =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Starts a worker JVM and sends it the run's settings; {@link #awaitReady} waits for it. */
  static WorkerProcess launch(WorkerSpec spec) throws IOException {
    Process p = new ProcessBuilder(spec.command()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    WorkerProcess w = new WorkerProcess(p);
    try {
      w.send(WorkerMessages.write(spec.setup()));
    } catch (IOException e) {
      p.destroyForcibly();
      throw e;
    }
    return w;
  }

  /** Waits until the worker says it is ready to fetch. */
  void awaitReady() throws IOException {
    String hello;
    try {
      hello = replies.readLine();
    } catch (IOException e) {
      hello = null;
    }
    if (!WorkerMain.READY.equals(hello)) {
      process.destroyForcibly();
      throw new IOException("worker process " + process.pid() + " did not start ("
          + (hello == null ? exitDescription() : "it said: " + hello) + ")");
    }
  }

  WorkerMessages.Reply call(WorkerMessages.Request request) throws DiedException {
    String line;
    try {
      send(WorkerMessages.write(request));
      line = replies.readLine();
    } catch (IOException e) {
      line = null;
    }
    if (line == null) {
      throw new DiedException("worker process " + process.pid() + " " + exitDescription());
    }
    try {
      return WorkerMessages.read(line, WorkerMessages.Reply.class);
    } catch (IOException e) {
      process.destroyForcibly();
      throw new DiedException("worker process " + process.pid() + " sent a garbled reply");
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

  private void send(String line) throws IOException {
    requests.write(line);
    requests.newLine();
    requests.flush();
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
