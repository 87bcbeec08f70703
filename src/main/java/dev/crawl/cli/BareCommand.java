package dev.crawl.cli;

import dev.crawl.demo.BareLoop;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Hidden: the bare JDK client loop that {@code bin/bench} runs as the floor crawl is measured against. */
@Command(name = "bare-loop", hidden = true, description = "Benchmark floor: the JDK client alone, sendAsync + ofFile.")
final class BareCommand implements Callable<Integer> {
  private final Io io;

  @Option(names = {"-c", "--concurrency"}, defaultValue = "50")
  int concurrency;

  @Option(names = {"-o", "--output"}, required = true)
  Path output;

  @Option(names = "--passes", defaultValue = "1", description = "Passes in one JVM; the later ones are warm.")
  int passes;

  @Parameters(paramLabel = "LIST")
  Path list;

  BareCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    List<URI> urls = Files.readAllLines(list, StandardCharsets.UTF_8).stream()
        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).map(URI::create).toList();
    BareLoop.run(urls, concurrency, output, passes, io.err());
    return 0;
  }
}
