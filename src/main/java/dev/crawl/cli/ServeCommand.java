package dev.crawl.cli;

import dev.crawl.demo.DemoServer;
import dev.crawl.demo.SiteContent;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
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

  @Option(names = "--files", paramLabel = "N", description = "Number of files (default: ${DEFAULT-VALUE}).", defaultValue = "1000")
  int files;

  @Option(
      names = "--delay",
      paramLabel = "TIME",
      converter = Converters.MillisConverter.class,
      description = "Latency before each file's response; a bare number is milliseconds (default: ${DEFAULT-VALUE}).",
      defaultValue = "100")
  Duration delay;

  @Option(
      names = "--jitter",
      paramLabel = "TIME",
      converter = Converters.MillisConverter.class,
      description = "Extra per-file latency, fixed for each file, up to TIME (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  Duration jitter;

  @Option(
      names = "--duration",
      paramLabel = "TIME",
      converter = Converters.DurationConverter.class,
      description = "Stop after TIME; 0 runs until interrupted (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  Duration duration;

  ServeCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    if (files < 1 || files > 10_000_000) {
      throw new ExitException(ExitException.USAGE, "--files must be between 1 and 10000000");
    }
    try (DemoServer server = DemoServer.start(port, new SiteContent(files), delay.toMillis(), jitter.toMillis())) {
      io.err()
          .printf(
              "serve: %d files on %s (delay %d ms, jitter %d ms); URL list at %surls.txt; Ctrl-C stops%n",
              files, server.base(), delay.toMillis(), jitter.toMillis(), server.base());
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
