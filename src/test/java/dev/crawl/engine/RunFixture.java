package dev.crawl.engine;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.crawl.core.Shard;
import dev.crawl.core.UrlResult;
import dev.crawl.fetch.FetchSettings;
import dev.crawl.input.InputSource;
import dev.crawl.report.ResultsFile;
import dev.crawl.report.StdoutFormat;
import dev.crawl.run.Display;
import dev.crawl.run.EarlierFiles;
import dev.crawl.run.RunPlan;
import dev.crawl.run.Runner;
import dev.crawl.store.StoreOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Runs a job the way the command line does and reads back what it reported. */
final class RunFixture {
  record Result(Runner.Outcome outcome, List<UrlResult> records, String stderr) {
    Map<String, UrlResult> byUrl() {
      return records.stream()
          .filter(r -> r.url() != null)
          .collect(Collectors.toMap(UrlResult::url, Function.identity(), (a, b) -> a));
    }

    UrlResult only(String urlSuffix) {
      List<UrlResult> hits = records.stream().filter(r -> r.url().endsWith(urlSuffix)).toList();
      if (hits.size() != 1) {
        throw new AssertionError("expected one record for " + urlSuffix + " but got " + hits);
      }
      return hits.get(0);
    }

    /** The one result for the URL, which must be of the given kind. */
    <T extends UrlResult> T only(String urlSuffix, Class<T> kind) {
      return assertInstanceOf(kind, only(urlSuffix));
    }

    UrlResult.Saved saved(String urlSuffix) {
      return only(urlSuffix, UrlResult.Saved.class);
    }

    UrlResult.Failed failed(String urlSuffix) {
      return only(urlSuffix, UrlResult.Failed.class);
    }

    UrlResult.Skipped skipped(String urlSuffix) {
      return only(urlSuffix, UrlResult.Skipped.class);
    }

    /** Every result of one kind. */
    <T extends UrlResult> List<T> all(Class<T> kind) {
      return records.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
  }

  static Result run(Mode mode, int concurrency, List<String> urls, Path out, FetchSettings settings)
      throws Exception {
    return execute(mode, concurrency, urls, out, settings, EarlierFiles.REPLACE, dev.crawl.crawl.CrawlOptions.NONE);
  }

  /** A list run that lays out and keeps files as {@code store} says. */
  static Result stored(Mode mode, List<String> urls, Path out, FetchSettings settings, StoreOptions store)
      throws Exception {
    return execute(mode, 2, urls, out, settings, EarlierFiles.REPLACE, dev.crawl.crawl.CrawlOptions.NONE, Shard.ALL,
        store);
  }

  /** The same, with --resume or -N as {@code earlier} says, or a crawl as {@code options} says. */
  static Result stored(Mode mode, List<String> urls, Path out, EarlierFiles earlier, dev.crawl.crawl.CrawlOptions options,
      StoreOptions store) throws Exception {
    return execute(mode, 2, urls, out, TestSettings.fast(), earlier, options, Shard.ALL, store);
  }

  /** A list run with --resume: what an earlier run into {@code out} saved is not fetched again. */
  static Result resume(Mode mode, int concurrency, List<String> urls, Path out, FetchSettings settings)
      throws Exception {
    return execute(mode, concurrency, urls, out, settings, EarlierFiles.SKIP, dev.crawl.crawl.CrawlOptions.NONE);
  }

  /** A run with -N: what an earlier run into {@code out} saved is asked about, kept if unchanged. */
  static Result refresh(Mode mode, List<String> urls, Path out, dev.crawl.crawl.CrawlOptions options)
      throws Exception {
    return execute(mode, 2, urls, out, TestSettings.fast(), EarlierFiles.REFRESH, options, Shard.ALL);
  }

  /** A recursive crawl from the given start URLs. */
  static Result crawl(Mode mode, int concurrency, List<String> starts, Path out, FetchSettings settings,
      dev.crawl.crawl.CrawlOptions options) throws Exception {
    return execute(mode, concurrency, starts, out, settings, EarlierFiles.REPLACE, options, Shard.ALL);
  }

  /** One process of a fleet sharing a frontier on Redis; {@code urls} is its list, empty to only work. */
  static Result shared(Mode mode, java.net.URI frontier, List<String> urls, Path out) throws Exception {
    return shared(mode, frontier, urls, out, dev.crawl.crawl.CrawlOptions.NONE);
  }

  /** One process of a fleet sharing a crawl (or a list, with CrawlOptions.NONE) on Redis. */
  static Result shared(Mode mode, java.net.URI frontier, List<String> urls, Path out, dev.crawl.crawl.CrawlOptions options)
      throws Exception {
    return shared(mode, frontier, urls, out, options, TestSettings.fast());
  }

  /** One process of a fleet, with its own fetch settings (its per-host cap and rate). */
  static Result shared(Mode mode, java.net.URI frontier, List<String> urls, Path out,
      dev.crawl.crawl.CrawlOptions options, FetchSettings settings) throws Exception {
    Path list = out.resolveSibling(out.getFileName() + "-urls.txt");
    Files.write(list, urls, StandardCharsets.UTF_8);
    List<InputSource> inputs = urls.isEmpty() ? List.of() : List.of(InputSource.of(list.toString()));
    RunPlan plan = new RunPlan(mode, 4, inputs, out, null, StdoutFormat.NONE, Display.NONE, EarlierFiles.REPLACE, settings,
        options).sharing(new dev.crawl.run.Fleet(Shard.ALL, frontier, java.time.Duration.ofSeconds(30)));
    Runner.Outcome outcome = new Runner(new ByteArrayInputStream(new byte[0]),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run(plan);
    return new Result(outcome, records(plan.reportDir()), "");
  }

  /** One shard's part of a recursive crawl. */
  static Result crawlShard(Mode mode, Shard shard, List<String> starts, Path out, dev.crawl.crawl.CrawlOptions options)
      throws Exception {
    return execute(mode, 2, starts, out, TestSettings.fast(), EarlierFiles.REPLACE, options, shard);
  }

  private static Result execute(Mode mode, int concurrency, List<String> urls, Path out, FetchSettings settings,
      EarlierFiles earlier, dev.crawl.crawl.CrawlOptions options) throws Exception {
    return execute(mode, concurrency, urls, out, settings, earlier, options, Shard.ALL);
  }

  private static Result execute(Mode mode, int concurrency, List<String> urls, Path out, FetchSettings settings,
      EarlierFiles earlier, dev.crawl.crawl.CrawlOptions options, Shard shard) throws Exception {
    return execute(mode, concurrency, urls, out, settings, earlier, options, shard, StoreOptions.DEFAULTS);
  }

  private static Result execute(Mode mode, int concurrency, List<String> urls, Path out, FetchSettings settings,
      EarlierFiles earlier, dev.crawl.crawl.CrawlOptions options, Shard shard, StoreOptions store) throws Exception {
    Path list = out.resolveSibling(out.getFileName() + "-urls.txt");
    Files.write(list, urls, StandardCharsets.UTF_8);
    RunPlan plan =
        new RunPlan(mode, concurrency, List.of(InputSource.of(list.toString())), out, null,
            StdoutFormat.NONE, Display.NONE, earlier, TestTransport.chosen(settings), options)
            .sharing(dev.crawl.run.Fleet.ALONE.withShard(shard))
            .storing(store);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Runner.Outcome outcome =
        new Runner(
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(plan);
    return new Result(outcome, records(plan.reportDir()), err.toString(StandardCharsets.UTF_8));
  }

  /** What the run wrote to results.jsonl, read back through the report's own reader. */
  static List<UrlResult> records(Path reportDir) {
    try (var results = ResultsFile.read(reportDir.resolve(ResultsFile.NAME))) {
      return results.toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every regular file under the output directory, reports and all. */
  static List<Path> filesUnder(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  private RunFixture() {}
}
