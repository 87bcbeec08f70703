package dev.crawl.engine;

import dev.crawl.core.FetchResult;
import dev.crawl.core.RunClock;
import dev.crawl.core.Task;
import dev.crawl.crawl.PageReader;
import dev.crawl.fetch.FetchSettings;
import dev.crawl.fetch.Fetcher;
import dev.crawl.fetch.InFlight;
import dev.crawl.fetch.WarmUp;
import dev.crawl.fetch.cookie.CookieJar;
import dev.crawl.store.Store;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** The worker side of {@code processes} mode: read a request, fetch it, write the reply. */
public final class WorkerMain {
  /** Exit status of a worker whose parent went away while it had a task. */
  static final int PARENT_GONE = 3;

  /** Put after the last request; compared by identity, so no message read can be mistaken for it. */
  private static final Object END = new Object();

  private WorkerMain() {}

  /** A worker started from a class path; one started with {@code -jar} arrives through the cli. */
  public static void main(String[] args) {
    WarmUp.startForWorker();
    System.exit(serve(System.in, System.out));
  }

  /** Runs a worker; never throws: a problem is one line on stderr and a non-zero status. */
  public static int serve(InputStream in, PrintStream out) {
    if (out == System.out) {
      // stdout carries the replies: a stray print anywhere in the worker must not break the stream
      System.setOut(System.err);
    }
    // Ctrl-C and a closed terminal reach the whole process group; the parent decides what stops
    // and stops its workers itself (SIGTERM), once it has taken note of what they were doing
    for (String name : new String[] {"INT", "HUP"}) {
      try {
        Signal.handle(new Signal(name), SignalHandler.SIG_IGN);
      } catch (IllegalArgumentException unsupported) {
        // nothing to ignore on this platform
      }
    }
    try {
      return serveRequests(in, out);
    } catch (IOException | RuntimeException e) {
      System.err.println("crawl worker " + ProcessHandle.current().pid() + ": " + e);
      return 70;
    } catch (InterruptedException e) {
      return 0;
    }
  }

  private static int serveRequests(InputStream in, PrintStream out) throws IOException, InterruptedException {
    DataInputStream requests = WorkerWire.reader(in);
    WorkerSetup setup;
    try {
      setup = WorkerWire.receiveSetup(requests);
    } catch (EOFException parentEndedFirst) {
      return 0;
    }
    RunClock clock = new RunClock();
    Store store = new Store(Path.of(setup.outputDir()), setup.store());
    // the parent stops a worker with SIGTERM: leave no temporary file behind
    Runtime.getRuntime().addShutdownHook(new Thread(store::abortAll, "worker-cleanup"));
    AtomicInteger unanswered = new AtomicInteger();
    BlockingQueue<Object> messages = watchParent(requests, unanswered);
    UnaryOperator<FetchResult> afterSave =
        setup.links() ? new PageReader(store, setup.requisites(), setup.maxParse()) : UnaryOperator.identity();
    FetchSettings settings = setup.fetch().warc() == null ? setup.fetch()
        : setup.fetch().withWarc(setup.fetch().warc().forWorker(ProcessHandle.current().pid()));
    try (Fetcher fetcher = new Fetcher(settings, store, clock, setup.redirectGate(), new InFlight())) {
      stopAfterTheReplyOnSigterm(fetcher, messages);
      DataOutputStream replies = WorkerWire.writer(out);
      WorkerWire.send(replies, WorkerMessages.Ready.ofThisJvm());
      for (Object message; (message = messages.take()) != END; ) {
        long received = clock.now();
        WorkerMessages.Request request = (WorkerMessages.Request) message;
        CookieJar jar = fetcher.cookies();
        int heard = hear(jar, request.cookies());
        FetchResult result;
        try {
          Task task = request.task(received);
          store.adopt(task.url(), request.name());
          result = afterSave.apply(fetcher.fetch(task, "worker", request.kept()).get());
        } catch (ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
        List<CookieJar.Learned> learned = jar == null ? List.of() : jar.since(heard);
        // answered before the reply goes: the parent closes our input once it has every reply, and
        // an input that ends while a request is unanswered means the parent is gone (an exit
        // without closing the archive, whose index would then be lost)
        unanswered.decrementAndGet();
        WorkerWire.send(replies, WorkerMessages.Reply.of(result, received, learned));
      }
    }
    return 0;
  }

  /** Takes what other workers' servers set; returns where this worker's own learning starts. */
  private static int hear(CookieJar jar, List<CookieJar.Learned> others) {
    if (jar == null) {
      return 0;
    }
    if (others != null) {
      others.forEach(l -> jar.store(URI.create(l.url()), l.setCookie()));
    }
    return jar.learnedCount();
  }

  /**
   * The parent stops a worker with SIGTERM. Dying at once could lose the reply for a file the
   * download had just saved (renamed into place): the report would call it interrupted while the
   * file is there. So the client is closed, which cuts short a download still receiving (its
   * temporary file goes), and the worker still answers for the task it had, then ends.
   */
  private static void stopAfterTheReplyOnSigterm(Fetcher fetcher, BlockingQueue<Object> messages) {
    try {
      Signal.handle(new Signal("TERM"), signal -> {
        fetcher.abort();
        messages.add(END);
      });
    } catch (IllegalArgumentException unsupported) {
      // the JVM's own handling: exit, and the shutdown hook removes the temporary files
    }
  }

  /**
   * Reads requests on a thread of its own, so that the end of input is seen at once, also in the
   * middle of a download. The parent closes our input only between tasks; input that ends while a
   * request is unanswered means the parent is gone (killed, even with SIGKILL): stop now, and let
   * the shutdown hook remove the temporary file, rather than finish a download nobody will record.
   */
  private static BlockingQueue<Object> watchParent(DataInputStream requests, AtomicInteger unanswered) {
    BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    Thread.ofPlatform()
        .daemon()
        .name("worker-input")
        .start(
            () -> {
              try {
                while (true) {
                  WorkerMessages.Request request = WorkerWire.receiveRequest(requests);
                  unanswered.incrementAndGet();
                  messages.add(request);
                }
              } catch (IOException closedOrGarbled) {
                // the same as the end of input
              }
              if (unanswered.get() > 0) {
                System.exit(PARENT_GONE);
              }
              messages.add(END);
            });
    return messages;
  }
}
