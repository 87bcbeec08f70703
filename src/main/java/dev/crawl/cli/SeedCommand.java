package dev.crawl.cli;

import dev.crawl.core.RunClock;
import dev.crawl.core.Shard;
import dev.crawl.core.Task;
import dev.crawl.core.UrlResult;
import dev.crawl.frontier.ListFrontier;
import dev.crawl.frontier.RedisFrontier;
import dev.crawl.input.InputSource;
import dev.crawl.input.LineReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "seed",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Put URL lists into a shared frontier on Redis and exit: every crawl process started with the same"
          + " --frontier and no list then works them. Each URL goes in once, however often it is seeded.",
      "Try: crawl seed --frontier redis://127.0.0.1:6379/site urls.txt"
    })
final class SeedCommand implements Callable<Integer> {
  private final Io io;

  @Option(names = "--frontier", paramLabel = "redis://HOST:PORT/NAME", required = true,
      description = "The shared frontier to put the lists in.")
  URI frontier;

  @Parameters(paramLabel = "FILE | - | URL", arity = "1..*", description = "URL lists, '-' for stdin, or URLs.")
  List<String> inputs;

  SeedCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws InterruptedException {
    List<UrlResult> notQueued = new ArrayList<>();
    RunClock clock = new RunClock();
    ListFrontier list = new ListFrontier(new LineReader(inputs.stream().map(InputSource::of).toList(), io.in()), notQueued::add, io.err(), clock,
        t -> null, Shard.ALL, url -> {});
    long listed = 0;
    long added = 0;
    try (RedisFrontier shared = RedisFrontier.connect(frontier, Duration.ofSeconds(60), RedisFrontier.HostLimits.NONE, clock)) {
      List<Task> chunk = new ArrayList<>();
      for (Task t; (t = list.next()) != null; ) {
        listed++;
        chunk.add(t);
        if (chunk.size() == 1000) {
          added += shared.offer(chunk);
          chunk.clear();
        }
      }
      added += shared.offer(chunk);
      if (list.failure() != null) {
        throw new ExitException(ExitException.USAGE, list.failure().getMessage(), list.failure());
      }
      shared.seeded();
    } catch (RedisFrontier.FrontierException e) {
      throw new ExitException(ExitException.USAGE, "--frontier: " + e.getMessage(), e);
    } finally {
      list.close();
    }
    long invalid = notQueued.stream().filter(r -> r instanceof UrlResult.Invalid).count();
    io.err().printf("crawl seed: %d URLs listed, %d new to the frontier (%d already in it), %d invalid lines%n",
        listed, added, listed - added, invalid);
    return invalid > 0 ? 1 : 0;
  }
}
