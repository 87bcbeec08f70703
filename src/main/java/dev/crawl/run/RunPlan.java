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
 * @param output where files and reports go, and what becomes of earlier files there
 * @param fleet how it shares its work with other processes: a shard, a shared frontier, or neither
 */
public record RunPlan(
    Mode mode,
    int concurrency,
    List<InputSource> inputs,
    Output output,
    Display display,
    FetchSettings fetch,
    CrawlOptions crawl,
    Fleet fleet) {

  public static final String REPORT_DIR = ".crawl";

  /**
   * Where a run's files and reports go.
   *
   * @param dir the output directory
   * @param reportDir where results and summary go; by default {@code <dir>/.crawl}, a name no
   *     downloaded file can take
   * @param stdout what is printed on stdout per finished URL
   * @param earlier what becomes of the files an earlier run saved into the same output
   * @param store how files are laid out and what stays of a cut download
   */
  public record Output(Path dir, Path reportDir, StdoutFormat stdout, EarlierFiles earlier, StoreOptions store) {
    public Output {
      if (reportDir == null) {
        reportDir = dir.resolve(REPORT_DIR);
      }
    }

    /** The same, into another directory (and its own reports). */
    Output into(Path other) {
      return new Output(other, null, stdout, earlier, store);
    }
  }

  /** A plan that downloads its list, follows no links, and saves as the defaults do. */
  public RunPlan(
      Mode mode, int concurrency, List<InputSource> inputs, Path outputDir, Path reportDir,
      StdoutFormat stdout, Display display, EarlierFiles earlier, FetchSettings fetch) {
    this(mode, concurrency, inputs, outputDir, reportDir, stdout, display, earlier, fetch, CrawlOptions.NONE);
  }

  /** A plan for the whole list, saving as the defaults do. */
  public RunPlan(
      Mode mode, int concurrency, List<InputSource> inputs, Path outputDir, Path reportDir,
      StdoutFormat stdout, Display display, EarlierFiles earlier, FetchSettings fetch, CrawlOptions crawl) {
    this(mode, concurrency, inputs, new Output(outputDir, reportDir, stdout, earlier, StoreOptions.DEFAULTS), display,
        fetch, crawl, Fleet.ALONE);
  }

  public RunPlan {
    inputs = List.copyOf(inputs);
  }

  public Path outputDir() {
    return output.dir();
  }

  public Path reportDir() {
    return output.reportDir();
  }

  public StdoutFormat stdout() {
    return output.stdout();
  }

  public EarlierFiles earlier() {
    return output.earlier();
  }

  public StoreOptions store() {
    return output.store();
  }

  /** The same job in another mode, saving into its own directory. */
  public RunPlan forMode(Mode other, Path otherOutput) {
    return new RunPlan(other, concurrency, inputs, output.into(otherOutput), display, fetch, crawl, fleet);
  }

  /** The same job over another transport. */
  public RunPlan over(TransportKind transport) {
    return new RunPlan(mode, concurrency, inputs, output, display, fetch.withTransport(transport), crawl, fleet);
  }

  /** The same job, its files laid out and kept as {@code options} say. */
  public RunPlan storing(StoreOptions options) {
    return new RunPlan(mode, concurrency, inputs,
        new Output(output.dir(), output.reportDir(), output.stdout(), output.earlier(), options), display, fetch, crawl,
        fleet);
  }

  /** The same job, shared with other processes as {@code other} says. */
  public RunPlan sharing(Fleet other) {
    return new RunPlan(mode, concurrency, inputs, output, display, fetch, crawl, other);
  }

  /** Concurrency as the engine sees it: sync always runs one download at a time. */
  public int effectiveConcurrency() {
    return mode == Mode.SYNC ? 1 : concurrency;
  }
}
