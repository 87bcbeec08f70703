package dev.crawl.cli;

import dev.crawl.demo.BareLoop;
import dev.crawl.demo.BareNettyLoop;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Hidden: the bare loops that {@code bin/bench} runs as the floors crawl is measured against. */
@Command(name = "bare-loop", hidden = true, description = "Benchmark floor: a client alone, bodies straight to files.")
final class BareCommand implements Callable<Integer> {
  private final Io io;

  @Option(names = {"-c", "--concurrency"}, defaultValue = "50")
  int concurrency;

  @Option(names = {"-o", "--output"}, required = true)
  Path output;

  @Option(names = "--passes", defaultValue = "1", description = "Passes in one JVM; the later ones are warm.")
  int passes;

  // not --transport: the download options' default for that name (netty) would apply here too
  @Option(names = "--client", defaultValue = "jdk", description = "jdk: sendAsync + ofFile; netty: N keep-alive connections.")
  String client;

  @Parameters(paramLabel = "LIST")
  Path list;

  BareCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    List<URI> urls = Files.readAllLines(list, StandardCharsets.UTF_8).stream()
        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).map(URI::create).toList();
    if (client.equals("netty")) {
      BareNettyLoop.run(urls, concurrency, output, passes, io.err());
    } else {
      BareLoop.run(urls, concurrency, output, passes, io.err());
    }
    return 0;
  }
}
