package dev.crawl.run;

import dev.crawl.crawl.CrawlOptions;
import dev.crawl.engine.Mode;
import dev.crawl.fetch.FetchSettings;
import dev.crawl.fetch.TransportKind;
import dev.crawl.input.InputSource;
import dev.crawl.report.StdoutFormat;
import dev.crawl.store.StoreOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one run needs, decided before it starts. Immutable, so two runs side by side (as in
 * {@code compare}) share nothing.
 *
 * @param reportDir where results and summary go; by default {@code <outputDir>/.crawl}, a name no
 *     downloaded file can take
 * @param earlier what becomes of the files an earlier run saved into the same output
 * @param fleet how it shares its work with other processes: a shard, a shared frontier, or neither
 * @param store how files are laid out and what stays of a cut download
 */
public record RunPlan(
    Mode mode,
    int concurrency,
    List<InputSource> inputs,
    Path outputDir,
    Path reportDir,
    StdoutFormat stdout,
    Display display,
    EarlierFiles earlier,
    FetchSettings fetch,
    CrawlOptions crawl,
    Fleet fleet,
    StoreOptions store) {

  public static final String REPORT_DIR = ".crawl";

  /** A plan that downloads its list and follows no links. */
  public RunPlan(
      Mode mode, int concurrency, List<InputSource> inputs, Path outputDir, Path reportDir,
      StdoutFormat stdout, Display display, EarlierFiles earlier, FetchSettings fetch) {
    this(mode, concurrency, inputs, outputDir, reportDir, stdout, display, earlier, fetch, CrawlOptions.NONE);
  }

  /** A plan for the whole list. */
  public RunPlan(
      Mode mode, int concurrency, List<InputSource> inputs, Path outputDir, Path reportDir,
      StdoutFormat stdout, Display display, EarlierFiles earlier, FetchSettings fetch, CrawlOptions crawl) {
    this(mode, concurrency, inputs, outputDir, reportDir, stdout, display, earlier, fetch, crawl, Fleet.ALONE);
  }

  /** A plan that saves as the defaults do. */
  public RunPlan(
      Mode mode, int concurrency, List<InputSource> inputs, Path outputDir, Path reportDir,
      StdoutFormat stdout, Display display, EarlierFiles earlier, FetchSettings fetch, CrawlOptions crawl,
      Fleet fleet) {
    this(mode, concurrency, inputs, outputDir, reportDir, stdout, display, earlier, fetch, crawl, fleet,
        StoreOptions.DEFAULTS);
  }

  public RunPlan {
    inputs = List.copyOf(inputs);
    if (reportDir == null) {
      reportDir = outputDir.resolve(REPORT_DIR);
    }
  }

  /** The same job in another mode, saving into its own directory. */
  public RunPlan forMode(Mode other, Path otherOutput) {
    return new RunPlan(other, concurrency, inputs, otherOutput, null, stdout, display, earlier, fetch, crawl, fleet,
        store);
  }

  /** The same job over another transport. */
  public RunPlan over(TransportKind transport) {
    return new RunPlan(mode, concurrency, inputs, outputDir, reportDir, stdout, display, earlier,
        fetch.withTransport(transport), crawl, fleet, store);
  }

  /** The same job, its files laid out and kept as {@code options} say. */
  public RunPlan storing(StoreOptions options) {
    return new RunPlan(mode, concurrency, inputs, outputDir, reportDir, stdout, display, earlier, fetch, crawl, fleet,
        options);
  }

  /** Concurrency as the engine sees it: sync always runs one download at a time. */
  public int effectiveConcurrency() {
    return mode == Mode.SYNC ? 1 : concurrency;
  }
}
