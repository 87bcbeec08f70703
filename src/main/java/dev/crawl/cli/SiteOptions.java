package dev.crawl.cli;

import dev.crawl.demo.DemoServer;
import dev.crawl.demo.DocsSite;
import dev.crawl.demo.SiteContent;
import java.io.IOException;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The embedded server's knobs, shared by {@code serve} and {@code demo}. */
final class SiteOptions {
  @Option(names = "--files", paramLabel = "N", description = "Number of files (default: ${DEFAULT-VALUE}).", defaultValue = "120")
  int files;

  @Option(
      names = "--delay",
      paramLabel = "TIME",
      converter = Converters.MillisConverter.class,
      description = "Latency before each file's response; a bare number is ms (default: ${DEFAULT-VALUE}).",
      defaultValue = "100")
  Duration delay;

  @Option(
      names = "--jitter",
      paramLabel = "TIME",
      converter = Converters.MillisConverter.class,
      description = "Extra latency per file, fixed for each file, up to TIME (default: ${DEFAULT-VALUE}).",
      defaultValue = "100")
  Duration jitter;

  @Option(
      names = "--sizes",
      paramLabel = "PROFILE",
      description = "small: 1 KiB-1 MiB, mostly small; real: 80 %% of 8-32 KiB, 18 %% of 100-500 KiB,"
          + " 2 %% of 2-5 MiB, as real sites serve (default: ${DEFAULT-VALUE}).",
      defaultValue = "small")
  SiteContent.Sizes sizes;

  @Option(
      names = "--docs-pages",
      paramLabel = "N",
      description = "Pages of the documentation site under /docs/, in sections of 60 (default: ${DEFAULT-VALUE}).",
      defaultValue = "2400")
  int docsPages;

  DocsSite docs() {
    if (docsPages < 1 || docsPages > 1_000_000) {
      throw new ExitException(ExitException.USAGE, "--docs-pages must be between 1 and 1000000");
    }
    return DocsSite.withPages(docsPages);
  }

  SiteContent site(int maxFiles) {
    if (files < 1 || files > maxFiles) {
      throw new ExitException(ExitException.USAGE, "--files must be between 1 and " + maxFiles);
    }
    return new SiteContent(files, sizes);
  }

  DemoServer start(int port, int maxFiles) throws IOException {
    return DemoServer.start(port, site(maxFiles), docs(), delay.toMillis(), jitter.toMillis());
  }
}
