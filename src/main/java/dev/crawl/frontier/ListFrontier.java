package dev.crawl.frontier;

import dev.crawl.core.RunClock;
import dev.crawl.core.Shard;
import dev.crawl.core.Task;
import dev.crawl.core.UrlResult;
import dev.crawl.input.InputException;
import dev.crawl.input.InputLine;
import dev.crawl.input.LineReader;
import dev.crawl.input.SeenSet;
import dev.crawl.input.UrlParser;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A frontier fed by URL lists, read lazily: blank lines and '#' comments are skipped, invalid lines
 * reported with their location, duplicates counted once.
 */
public final class ListFrontier implements Frontier, AutoCloseable {
  private final LineReader lines;
  private final Consumer<UrlResult> notFetched;
  private final PrintStream warnings;
  private final RunClock clock;
  private final SeenSet seen = new SeenSet();
  private final Function<Task, UrlResult.Skipped> earlier;
  private final Shard shard;
  private final Consumer<URI> otherShard;
  private long ofOtherShards;
  private long nextId = 1;
  private InputException failure;

  /**
   * @param notFetched hears about every line that does not become a task: invalid, duplicate, or
   *     already saved, so that the report accounts for every line
   * @param earlier for {@code --resume}: the skip for a task an earlier run saved completely, else null
   * @param shard which URLs are this process's ({@code --shard}); the others are left to their shards
   *     unrecorded, before duplicates are counted, so that the shards' reports add up to the list
   * @param otherShard hears each listed URL of another shard (a sharded crawl scopes by all of them)
   */
  public ListFrontier(
      LineReader lines, Consumer<UrlResult> notFetched, PrintStream warnings, RunClock clock,
      Function<Task, UrlResult.Skipped> earlier, Shard shard, Consumer<URI> otherShard) {
    this.earlier = earlier;
    this.shard = shard;
    this.otherShard = otherShard;
    this.lines = lines;
    this.notFetched = notFetched;
    this.warnings = warnings;
    this.clock = clock;
  }

  @Override
  public synchronized Task next() {
    if (failure != null) {
      return null;
    }
    try {
      for (InputLine line; (line = lines.next()) != null; ) {
        String text = line.text().strip();
        // a comment is skipped whatever its bytes: only lines that name URLs must be UTF-8
        if (text.startsWith("#") || (text.isEmpty() && line.problem() == null)) {
          continue;
        }
        UrlParser.Parsed parsed = line.problem() == null ? UrlParser.parse(text) : null;
        if (parsed == null || parsed.url() == null) {
          String problem = parsed == null ? line.problem() : parsed.problem();
          warnings.println("crawl: " + line.origin() + ": " + problem + " — skipped");
          notFetched.accept(new UrlResult.Invalid(abbreviate(text), line.origin(), problem));
          continue;
        }
        if (!shard.owns(parsed.url())) {
          ofOtherShards++;
          otherShard.accept(parsed.url());
          continue;
        }
        String url = parsed.url().toString();
        if (!seen.add(url)) {
          notFetched.accept(new UrlResult.Duplicate(parsed.url(), line.origin()));
          continue;
        }
        Task task = new Task(nextId, parsed.url(), line.origin(), clock.now());
        UrlResult.Skipped saved = earlier.apply(task);
        if (saved != null) {
          notFetched.accept(saved);
          continue;
        }
        nextId++;
        return task;
      }
    } catch (InputException e) {
      // stop handing out work; the runner reports the reason once the engine has drained
      failure = e;
    }
    return null;
  }

  /** Listed URLs left to other shards so far. */
  public synchronized long ofOtherShards() {
    return ofOtherShards;
  }

  /** Why reading stopped early, if it did. */
  public synchronized InputException failure() {
    return failure;
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 197) + "..." : s;
  }

  @Override
  public synchronized void close() {
    try {
      lines.close();
    } catch (UncheckedIOException ignored) {
      // nothing left to read
    }
  }
}
