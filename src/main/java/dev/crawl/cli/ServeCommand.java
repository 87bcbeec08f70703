package dev.crawl.cli;

import dev.crawl.demo.DemoServer;
import dev.crawl.demo.DocsSite;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Run the embedded latency server on 127.0.0.1: deterministic files under /files/, their list "
          + "at /urls.txt. Stops on Ctrl-C or after --duration.",
      "Try: curl -s http://127.0.0.1:8080/urls.txt | crawl -m async -c 50 -o out -"
    })
final class ServeCommand implements Callable<Integer> {
  private final Io io;

  @Option(names = {"-p", "--port"}, description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).", defaultValue = "8080")
  int port;

  @Mixin SiteOptions site;

  @Option(
      names = "--duration",
      paramLabel = "TIME",
      converter = Converters.DurationConverter.class,
      description = "Stop after TIME; 0 runs until interrupted (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  Duration duration;

  @Option(
      names = "--export",
      paramLabel = "DIR",
      description = "Write the files under DIR (DIR/files/...) for another server, e.g. nginx, and exit.")
  java.nio.file.Path export;

  @Option(
      names = "--export-docs",
      paramLabel = "DIR",
      description = "Write the documentation site under DIR (DIR/docs/..., DIR/static/...) for another server, and exit.")
  java.nio.file.Path exportDocs;

  @Option(
      names = "--access-log",
      paramLabel = "FILE",
      description = "Write a line for every request served (METHOD PATH) to FILE, to count on the server side.")
  java.nio.file.Path accessLog;

  ServeCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    if (export != null) {
      site.site(10_000_000).export(export);
      io.err().printf("serve: wrote %d files under %s%n", site.files, export.resolve("files"));
    }
    if (exportDocs != null) {
      int pages = site.docs().export(exportDocs);
      io.err().printf("serve: wrote a documentation site of %d pages under %s%n", pages, exportDocs.resolve("docs"));
    }
    if (export != null || exportDocs != null) {
      return 0;
    }
    try (DemoServer server = site.start(port, 10_000_000)) {
      if (accessLog != null) {
        server.logRequestsTo(accessLog);
      }
      io.err()
          .printf(
              "serve: %d files on %s (delay %d ms, jitter %d ms); URL list at %surls.txt;"
                  + " a documentation site to mirror at %s; Ctrl-C stops%n",
              site.files, server.base(), site.delay.toMillis(), site.jitter.toMillis(), server.base(),
              server.base().resolve(DocsSite.START));
      CountDownLatch forever = new CountDownLatch(1);
      if (duration.isZero()) {
        forever.await();
      } else {
        forever.await(duration.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (java.net.BindException e) {
      throw new ExitException(
          ExitException.USAGE, "cannot listen on 127.0.0.1:" + port + ": " + e.getMessage() + "; try --port 0", e);
    }
    return 0;
  }
}
