package dev.crawl.engine;

import dev.crawl.crawl.LinkExtractor;
import dev.crawl.fetch.FetchResult;
import dev.crawl.fetch.Fetcher;
import dev.crawl.fetch.RunClock;
import dev.crawl.store.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

/** The worker side of {@code processes} mode: read a request, fetch it, write the reply. */
public final class WorkerMain {
  /** The first line a worker writes, once it can fetch: the parent paces and times from here. */
  static final String READY = "{\"ready\":true}";

  private WorkerMain() {}

  public static int serve(InputStream in, PrintStream out) throws IOException, InterruptedException {
    BufferedReader requests = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String first = requests.readLine();
    if (first == null) {
      return 0;
    }
    WorkerSetup setup = WorkerMessages.read(first, WorkerSetup.class);
    RunClock clock = new RunClock();
    Store store = new Store(Path.of(setup.outputDir()));
    // the parent stops a worker with SIGTERM on Ctrl-C: leave no temporary file behind
    Runtime.getRuntime().addShutdownHook(new Thread(store::abortAll, "worker-cleanup"));
    LinkExtractor links = setup.links() ? new LinkExtractor(setup.requisites()) : null;
    try (Fetcher fetcher = new Fetcher(setup.settings(), store, clock, links)) {
      out.println(READY);
      out.flush();
      for (String line; (line = requests.readLine()) != null; ) {
        long received = clock.now();
        WorkerMessages.Request request = WorkerMessages.read(line, WorkerMessages.Request.class);
        FetchResult result;
        try {
          result = fetcher.fetch(request.task(received), "worker").get();
        } catch (ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
        out.println(WorkerMessages.write(WorkerMessages.Reply.of(result, received)));
        out.flush();
      }
    }
    return 0;
  }
}
