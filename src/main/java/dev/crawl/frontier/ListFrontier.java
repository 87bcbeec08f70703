package dev.crawl.frontier;

import dev.crawl.core.Task;
import dev.crawl.core.InputListener;

import dev.crawl.core.RunClock;
import dev.crawl.input.InputException;
import dev.crawl.input.InputLine;
import dev.crawl.input.LineReader;
import dev.crawl.input.SeenSet;
import dev.crawl.input.UrlParser;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.function.Predicate;

/**
 * A frontier fed by URL lists, read lazily: blank lines and '#' comments are skipped, invalid lines
 * reported with their location, duplicates counted once.
 */
public final class ListFrontier implements Frontier, AutoCloseable {
  private final LineReader lines;
  private final InputListener listener;
  private final PrintStream warnings;
  private final RunClock clock;
  private final SeenSet seen = new SeenSet();
  private final Predicate<String> alreadySaved;
  private long nextId = 1;
  private InputException failure;

  /**
   * @param alreadySaved URLs an earlier run saved completely ({@code --resume}): counted, not fetched
   */
  public ListFrontier(
      LineReader lines, InputListener listener, PrintStream warnings, RunClock clock, Predicate<String> alreadySaved) {
    this.alreadySaved = alreadySaved;
    this.lines = lines;
    this.listener = listener;
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
          listener.invalid(line.origin(), abbreviate(text), problem);
          continue;
        }
        String url = parsed.url().toString();
        if (!seen.add(url)) {
          listener.duplicate(line.origin(), parsed.url());
          continue;
        }
        if (alreadySaved.test(url)) {
          listener.alreadySaved(line.origin(), parsed.url());
          continue;
        }
        return new Task(nextId++, parsed.url(), line.origin(), clock.now());
      }
    } catch (InputException e) {
      // stop handing out work; the runner reports the reason once the engine has drained
      failure = e;
    }
    return null;
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
