package dev.crawl.cli;

import dev.crawl.archive.WarcOptions;
import dev.crawl.core.Shard;
import dev.crawl.core.TrapCounts;
import dev.crawl.crawl.CrawlOptions;
import dev.crawl.engine.Mode;
import dev.crawl.frontier.RedisFrontier;
import dev.crawl.input.InputException;
import dev.crawl.report.FailureLog;
import dev.crawl.report.RunSummary;
import dev.crawl.report.StdoutFormat;
import dev.crawl.run.Display;
import dev.crawl.run.EarlierFiles;
import dev.crawl.run.Fleet;
import dev.crawl.run.Interrupts;
import dev.crawl.run.RunPlan;
import dev.crawl.run.Runner;
import dev.crawl.store.Layout;
import dev.crawl.store.StoreOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "crawl",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Download every URL listed, concurrently, save each file under the output directory, and "
          + "report how long it took.",
      "",
      "Inputs are list files (one URL per line; blank lines and # comments skipped), '-' for "
          + "standard input, or URLs. Reports go to OUTPUT/.crawl/ (results.jsonl, results.csv, "
          + "summary.json).",
      ""
    },
    footer = {
      "",
      "A URL that never answers is given up after 30 s (--response-timeout 15s, tried twice:"
          + " --timeout-retries 1); with the defaults no dead URL holds a run for more than 60 s.",
      "",
      "Exit status: 0 every URL saved; 1 some URLs failed or were invalid; 2 bad usage or "
          + "unreadable input; 130, 143, 129 stopped by SIGINT (Ctrl-C), SIGTERM, SIGHUP (partial report written).",
      "Examples:",
      "  crawl -m async -c 50 -o out urls.txt",
      "  curl -s http://127.0.0.1:8080/urls.txt | crawl --jsonl -o out - | jq .path",
      "  crawl compare -m sync,async,virtual -c 32 urls.txt"
    })
public final class CrawlCommand implements Callable<Integer>, OutputOptions.Holder {
  private final Io io;

  @Option(
      names = {"-m", "--mode"},
      paramLabel = "MODE",
      description = "sync, threads, processes, async or virtual (default: ${DEFAULT-VALUE}).",
      defaultValue = "async")
  Mode mode;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Save files under DIR as host[_port]/path (default: current directory).",
      defaultValue = ".")
  Path output;

  @Option(
      names = "--shard",
      paramLabel = "K/N|auto",
      description = "Take only the URLs whose server falls to shard K of N (by a CRC-32 of scheme://host:port), so N"
          + " processes share a list with no URL twice and no server split; a crawl writes links to other shards'"
          + " servers to handoff.jsonl. auto: the index a Kubernetes Indexed Job or a Slurm job array gave.")
  String shard;

  @Option(
      names = "--frontier",
      paramLabel = "redis://HOST:PORT/NAME",
      description = "Work one list together with every crawl process given the same frontier, on any machine:"
          + " each URL fetched once across them, a dead process's URLs taken over. A process given a list puts"
          + " it in; one given none only works. Each saves to its own -o; crawl merge builds the one report.")
  java.net.URI frontier;

  @Option(
      names = "--lease",
      paramLabel = "TIME",
      converter = Converters.DurationConverter.class,
      defaultValue = "60s",
      description = "With --frontier: how long a taken URL stays this process's without a renewal (renewed"
          + " every third of it while it downloads); a dead process's URLs go to others after it (default: ${DEFAULT-VALUE}).")
  java.time.Duration lease;

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      description = "Write reports to DIR instead of OUTPUT/.crawl.")
  Path reportDir;

  @Option(
      names = "--jsonl",
      description = "Print one JSON object per URL on stdout as it finishes, and nothing else.")
  boolean jsonl;

  @Option(
      names = "--paths",
      description = "Print the path of each saved file on stdout as it finishes (for xargs), and nothing else.")
  boolean paths;

  @Option(
      names = {"-r", "--depth"},
      paramLabel = "N",
      description = "Crawl: follow links found in saved HTML pages up to N links away from the listed URLs"
          + " (same host unless --domains); 0 downloads the list only (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  int depth;

  @Option(
      names = {"-p", "--page-requisites"},
      description = "Also fetch what each saved page loads: images (src, srcset), stylesheets and the fonts and"
          + " images they pull in, scripts, frames, media; above the start path too. Without --depth: the"
          + " listed pages and what they load.")
  boolean requisites;

  @Option(
      names = "--domains",
      split = ",",
      paramLabel = "HOST",
      description = "Crawl: follow links to these hosts (and their subdomains) too.")
  List<String> domains = List.of();

  @Option(names = "--no-parent", description = "Crawl: never go above the start URLs' directories.")
  boolean noParent;

  @Option(names = "--include", paramLabel = "REGEX", description = "Crawl: follow only links matching REGEX (repeatable).")
  List<Pattern> include = List.of();

  @Option(names = "--exclude", paramLabel = "REGEX", description = "Crawl: never follow links matching REGEX (repeatable).")
  List<Pattern> exclude = List.of();

  @Option(names = "--no-robots", description = "Crawl: ignore robots.txt (the report says so).")
  boolean noRobots;

  @Option(
      names = "--sitemaps",
      description = "Crawl: also follow what the start servers' sitemaps list (robots.txt's Sitemap lines and"
          + " /sitemap.xml; indexes and gzip read as they stream), within the crawl's scope.")
  boolean sitemaps;

  @Option(
      names = {"-k", "--convert-links"},
      description = "Crawl: afterwards, point the links of saved pages at the saved files, so the output browses offline.")
  boolean convertLinks;

  @Option(
      names = "--resume",
      description = "Skip URLs that an earlier run into the same output saved completely (same size, same place); fetch the rest.")
  boolean resume;

  @Option(
      names = {"-N", "--timestamping"},
      description = "Ask the server whether each file an earlier run saved into the same output changed"
          + " (If-Modified-Since from the file's time, If-None-Match from the ETag in the report): keep it on 304"
          + " (reported as not-modified), replace it on 200.")
  boolean timestamping;

  @Option(
      names = {"-C", "--continue"},
      description = "Continue the bodies that cut downloads of an earlier run kept (.NAME.partial beside the"
          + " final name) with a range request (Range and If-Range); start over when the server ignores the range"
          + " or the file changed.")
  boolean continuePartials;

  @Option(
      names = "--no-keep-partial",
      description = "Keep nothing of a download that was cut. By default a cut body that -C can continue (the bytes"
          + " as sent, with an ETag or Last-Modified, from a server that does not refuse ranges) stays beside its"
          + " final name as .NAME.partial, and the run says so at the end.")
  boolean noKeepPartial;

  @Option(
      names = "--keep-partial-max",
      paramLabel = "SIZE",
      converter = Converters.SizeConverter.class,
      description = "The most bytes of cut bodies one run keeps (each worker process its share); a cut body past"
          + " it is dropped, and its failure says so. 0 = no limit (default: 256M).",
      defaultValue = "256M")
  long keepPartialMax;

  @Option(
      names = {"-nd", "--no-directories"},
      description = "Save every file straight into the output directory, by its name alone; a second URL with"
          + " a name already taken gets NAME@HASH.EXT (a hash of its URL), the same name in every run.")
  boolean noDirectories;

  @Option(
      names = {"-nH", "--no-host-directories"},
      description = "Leave out the host[_port] directory: DIR/path/name.")
  boolean noHostDirectories;

  @Option(
      names = "--cut-dirs",
      paramLabel = "N",
      description = "Leave out the first N directories of each URL's path (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  int cutDirs;

  @Option(
      names = "--layout",
      paramLabel = "tree|flat|hash",
      description = "tree: host/path/name (default); flat: as -nd; hash: the body's SHA-256 as the name, its"
          + " extension kept, equal bodies stored once (results.jsonl maps each URL to its file).",
      defaultValue = "tree")
  String layout;

  @Option(
      names = "--warc",
      paramLabel = "FILE",
      description = "Also archive every exchange (request, response as transferred, redirects and errors"
          + " included) in FILE, a gzipped WARC 1.1 (NAME.warc.gz); a payload seen before becomes a revisit record."
          + " processes: each worker writes NAME-worker-PID.warc.gz.")
  java.nio.file.Path warc;

  @Option(
      names = "--warc-max-size",
      paramLabel = "SIZE",
      converter = Converters.SizeConverter.class,
      description = "With --warc: start a new file past SIZE (e.g. 1G), numbered NAME-00000.warc.gz, NAME-00001...;"
          + " 0 = one file (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  long warcMaxSize;

  @Option(
      names = "--warc-cdx",
      description = "With --warc: beside each WARC file, its CDXJ index (NAME.cdxj, sorted, as pywb and"
          + " warcio.js's cdx-index write it), for replay tools to find each capture.")
  boolean warcCdx;

  @Mixin OutputOptions messages;

  @Mixin JobOptions job;

  @Mixin FetchOptions fetch;

  @Mixin BoundsOptions bounds;

  public CrawlCommand(Io io) {
    this.io = io;
  }

  private void checkFleet() {
    if (frontier == null) {
      return;
    }
    if (shard != null) {
      throw new ExitException(ExitException.USAGE, "--frontier and --shard: choose one way to share the work");
    }
    if (sitemaps) {
      throw new ExitException(ExitException.USAGE,
          "--sitemaps is not read into a shared frontier yet; put the sitemap's URLs in with crawl seed instead");
    }
    try {
      RedisFrontier.Address.of(frontier);
    } catch (RedisFrontier.FrontierException e) {
      throw new ExitException(ExitException.USAGE, "--frontier: " + e.getMessage());
    }
  }

  private void checkEarlierFiles() {
    if (timestamping && resume) {
      throw new ExitException(ExitException.USAGE,
          "--resume skips what an earlier run saved and -N asks whether it changed: choose one");
    }
    if (timestamping && convertLinks) {
      throw new ExitException(ExitException.USAGE,
          "-N and -k: a converted page no longer holds the links its server sent, so an unchanged one could"
              + " not be crawled on; refresh without -k");
    }
  }

  private WarcOptions warcOptions() {
    if (warc == null) {
      if (warcMaxSize != 0 || warcCdx) {
        throw new ExitException(ExitException.USAGE, (warcCdx ? "--warc-cdx" : "--warc-max-size") + " needs --warc FILE");
      }
      return null;
    }
    if (warcMaxSize < 0) {
      throw new ExitException(ExitException.USAGE, "--warc-max-size cannot be negative");
    }
    return new WarcOptions(warc.toAbsolutePath().toString(), warcMaxSize, warcCdx);
  }

  private Shard shard() {
    if (shard == null) {
      return Shard.ALL;
    }
    try {
      return Shard.parse(shard, System.getenv());
    } catch (IllegalArgumentException e) {
      String why = e.getMessage();
      throw new ExitException(ExitException.USAGE, why.startsWith("--shard") ? why : "--shard " + shard + ": " + why);
    }
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (jsonl && paths) {
      throw new ExitException(ExitException.USAGE, "--jsonl and --paths both use stdout; choose one");
    }
    StdoutFormat format = jsonl ? StdoutFormat.JSONL : paths ? StdoutFormat.PATHS : StdoutFormat.NONE;
    checkFleet();
    checkEarlierFiles();
    RunPlan plan =
        new RunPlan(
            mode,
            job.concurrency(),
            frontier != null && job.inputs.isEmpty() ? java.util.List.of() : job.sources(),
            output,
            reportDir,
            format,
            Display.detect(messages.quiet),
            resume ? EarlierFiles.SKIP : timestamping ? EarlierFiles.REFRESH : EarlierFiles.REPLACE,
            fetch.settings().withContinuePartials(continuePartials).withWarc(warcOptions())
                .withMaxUrlLength(bounds.maxUrlLength),
            crawlOptions())
        .sharing(new Fleet(shard(), frontier, lease))
        .storing(storeOptions());
    OutputDirectory.create(output);
    fetch.warn(io.err());
    if (messages.verbose) {
      io.err().println("crawl: downloads over " + plan.fetch().transport().description());
    }
    Interrupts.routeTo(Thread.currentThread());
    Runner.Outcome outcome;
    try {
      outcome = new Runner(io.in(), io.out(), io.err()).run(plan);
    } catch (InputException e) {
      throw new ExitException(ExitException.USAGE, e.getMessage(), e);
    } catch (RedisFrontier.FrontierException e) {
      throw new ExitException(ExitException.USAGE, "--frontier: " + e.getMessage(), e);
    }
    RunSummary s = outcome.summary();
    if (!messages.quiet) {
      printSummary(s, outcome.failures());
    } else if (outcome.failures().grouped() != null) {
      io.err().println("crawl: " + outcome.failures().grouped());
    }
    if (outcome.interrupted()) {
      io.err().println("crawl: stopped by " + Interrupts.signalName() + "; the partial report is in " + s.reportDir()
          + " (unfinished URLs marked 'interrupted')");
      return Interrupts.exitStatus();
    }
    if (outcome.inputFailure() != null) {
      throw new ExitException(ExitException.USAGE, outcome.inputFailure().getMessage());
    }
    if (s.counts().total() == 0) {
      throw new ExitException(
          ExitException.USAGE,
          "no URLs in the input (" + String.join(", ", job.inputs) + "): it is empty or has only blank lines and # comments");
    }
    return s.counts().failed() + s.counts().invalid() > 0 ? ExitException.FAILURES : 0;
  }

  private StoreOptions storeOptions() {
    Layout.Kind kind = switch (layout.toLowerCase(Locale.ROOT)) {
      case "tree" -> noDirectories ? Layout.Kind.FLAT : Layout.Kind.TREE;
      case "flat" -> Layout.Kind.FLAT;
      case "hash" -> Layout.Kind.HASH;
      default -> throw new ExitException(ExitException.USAGE,
          "--layout " + layout + ": expected tree, flat or hash");
    };
    if (cutDirs < 0) {
      throw new ExitException(ExitException.USAGE, "--cut-dirs cannot be negative");
    }
    return new StoreOptions(new Layout(kind, !noHostDirectories, cutDirs), !noKeepPartial, keepPartialMax);
  }

  private CrawlOptions crawlOptions() {
    if (depth < 0) {
      throw new ExitException(ExitException.USAGE, "--depth cannot be negative");
    }
    return new CrawlOptions(depth, requisites, domains, noParent, include, exclude, !noRobots, convertLinks, sitemaps,
        bounds.bounds());
  }

  /** {@code not followed as crawler traps: 3 URLs over --max-url-length, …}; null when none was. */
  static String trapLine(TrapCounts t) {
    if (t == null || t.total() == 0) {
      return null;
    }
    List<String> parts = new java.util.ArrayList<>();
    if (t.longUrl() > 0) {
      parts.add(t.longUrl() + " over --max-url-length");
    }
    if (t.deepPath() > 0) {
      parts.add(t.deepPath() + " over --max-path-segments");
    }
    if (t.repeatedSegment() > 0) {
      parts.add(t.repeatedSegment() + " over --max-segment-repeats");
    }
    if (t.pageLinks() > 0) {
      parts.add(t.pageLinks() + " past --max-page-links of their page");
    }
    return "links not followed as crawler traps: " + String.join(", ", parts);
  }

  private void printSummary(RunSummary s, FailureLog failures) {
    var c = s.counts();
    io.err()
        .printf(
            Locale.US,
            "crawl: saved %d of %d URLs (%d failed, %d invalid, %d duplicate%s), %.1f MB in %.2f s"
                + " — %.1f files/s, %.2f MB/s [%s, concurrency %d]%n",
            c.saved(),
            c.total(),
            c.failed(),
            c.invalid(),
            c.duplicate(),
            (c.notModified() > 0 ? ", " + c.notModified() + " not modified" : "")
                + (c.skipped() > 0 ? ", " + c.skipped() + " skipped" : "")
                + (c.interrupted() > 0 ? ", " + c.interrupted() + " interrupted" : ""),
            s.bytes() / 1e6,
            s.wallSeconds(),
            s.filesPerSecond(),
            s.megabytesPerSecond(),
            s.mode(),
            s.concurrency());
    if (s.boundByPerHost()) {
      io.err()
          .printf(
              "crawl: --per-host %d bounded this run, not -c %d: %d in flight at most, to %d host%s;"
                  + " --per-host 0 lifts the cap%n",
              s.perHost(), s.concurrency(), s.peakInFlight(), s.hosts(), s.hosts() == 1 ? "" : "s");
    }
    if (s.links() != null) {
      var l = s.links();
      io.err()
          .printf(
              Locale.US,
              "crawl: links: %d found%s, %d followed, %d duplicate, %d out of scope, %d beyond --depth,"
                  + " %d disallowed by robots.txt (%s)%n",
              l.found(), l.fromSitemaps() > 0 ? " (" + l.fromSitemaps() + " from sitemaps)" : "", l.queued(),
              l.duplicate(), l.outOfScope(), l.tooDeep(), l.robots(), l.robotsTxt());
      String traps = trapLine(l.traps());
      if (traps != null) {
        io.err().println("crawl: " + traps);
      }
    }
    if (failures.grouped() != null) {
      io.err().println("crawl: " + failures.grouped());
    }
    if (failures.kept() != null) {
      io.err().println("crawl: " + failures.kept());
    }
    if (c.failed() > 0) {
      io.err().printf("crawl: failures are listed with reasons in %s/results.jsonl%n", s.reportDir());
    } else {
      io.err().printf("crawl: reports in %s (report.html, summary.md, results.jsonl)%n", s.reportDir());
    }
  }

  @Override
  public OutputOptions messages() {
    return messages;
  }
}
