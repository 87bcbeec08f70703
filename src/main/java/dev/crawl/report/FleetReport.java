package dev.crawl.report;

import dev.crawl.core.FetchResult;
import dev.crawl.core.FetchTimings;
import dev.crawl.core.LinkCounts;
import dev.crawl.core.TrapCounts;
import dev.crawl.core.UrlResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One report from many runs ({@code crawl merge}): the shards of a fleet, or any runs. Every run's
 * results go into one {@code results.jsonl} on one time axis (each run shifted by when it started,
 * its lanes named after its run), counted by the same recorder a run uses; the summary adds the
 * runs up, with the fleet's wall time from the first start to the last end.
 */
public final class FleetReport {
  private FleetReport() {}

  /** One run to merge: its report directory and its summary. */
  public record Run(Path reportDir, RunSummary summary) {}

  /** What merging gave: the fleet's summary, and which URLs ({@code urls}) no run accounted for. */
  public record Merged(RunSummary summary, Set<String> accounted) {}

  /**
   * @param runs report directories, each with its results.jsonl and summary.json
   * @param out where the merged reports go
   * @param tap sees every merged record as it is written, on the fleet's clock (the HTML timeline,
   *     which the caller draws: the HTML reports read this package, not the other way round)
   */
  public static Merged merge(List<Run> runs, Path out, Consumer<UrlResult> tap) throws IOException {
    Instant first = runs.stream().map(r -> Instant.parse(r.summary().startedAt())).min(Instant::compareTo).orElseThrow();
    Set<String> accounted = new HashSet<>();
    RunTotals totals;
    try (RunRecorder recorder = new RunRecorder(out, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
        StdoutFormat.NONE, out, tap)) {
      for (Run run : runs) {
        long shift = Duration.between(first, Instant.parse(run.summary().startedAt())).toNanos();
        String name = name(run);
        Consumer<UrlResult> into = r -> {
          if (r.url() != null) {
            accounted.add(r.url());
          }
          recorder.accept(moved(r, shift, name));
        };
        try (Stream<UrlResult> results = ResultsFile.read(run.reportDir().resolve(ResultsFile.NAME))) {
          results.forEach(into);
        }
      }
      totals = recorder.totals();
    }
    RunSummary summary = summarise(runs, totals, first, out);
    Reports.writeJson(out.resolve(Reports.SUMMARY), summary);
    return new Merged(summary, accounted);
  }

  /** A run's name in lanes: its shard if it had one, else its output directory's name. */
  private static String name(Run run) {
    String shard = run.summary().shard();
    if (shard != null) {
      return "shard-" + shard.replace('/', '-');
    }
    Path dir = run.reportDir().toAbsolutePath().normalize();
    Path named = dir.getFileName() != null && dir.getFileName().toString().equals(".crawl") ? dir.getParent() : dir;
    return named.getFileName() == null ? named.toString() : named.getFileName().toString();
  }

  /** A result on the fleet's clock, its lane prefixed with its run's name. */
  static UrlResult moved(UrlResult r, long nanos, String run) {
    return switch (r) {
      case UrlResult.Saved s -> new UrlResult.Saved(s.task(), s.finalUrl(), s.status(), s.attempts(),
          shift(s.timings(), nanos, run), s.file(), s.served(), s.found());
      case UrlResult.NotModified n -> new UrlResult.NotModified(n.task(), n.finalUrl(), n.status(), n.attempts(),
          shift(n.timings(), nanos, run), n.file(), n.served(), n.found());
      case UrlResult.Failed f -> new UrlResult.Failed(f.task(), f.finalUrl(), f.status(), f.reason(), f.attempts(),
          shift(f.timings(), nanos, run), f.keptPath(), f.keptBytes());
      case UrlResult.Skipped k -> new UrlResult.Skipped(k.task(), k.finalUrl(), k.status(), k.reason(), k.attempts(),
          shift(k.timings(), nanos, run), k.path(), k.bytes());
      case UrlResult.Interrupted i -> new UrlResult.Interrupted(i.task(), i.attempts(), shift(i.timings(), nanos, run));
      case UrlResult.Duplicate d -> d;
      case UrlResult.Invalid i -> i;
    };
  }

  private static FetchTimings shift(FetchTimings t, long nanos, String run) {
    return t == null ? null : t.shifted(nanos, run + "/" + t.lane());
  }

  private static RunSummary summarise(List<Run> runs, RunTotals totals, Instant first, Path out) {
    List<RunSummary> all = runs.stream().map(Run::summary).toList();
    Instant last = all.stream()
        .map(s -> Instant.parse(s.startedAt()).plusNanos((long) ((s.setupSeconds() + s.wallSeconds()) * 1e9)))
        .max(Instant::compareTo).orElseThrow();
    double wall = Duration.between(first, last).toNanos() / 1e9;
    Set<String> modes = new LinkedHashSet<>();
    all.forEach(s -> modes.add(s.mode()));
    List<String> exits = new ArrayList<>();
    all.forEach(s -> {
      if (s.exitReason() != null) {
        exits.add((s.shard() == null ? "" : "shard " + s.shard() + ": ") + s.exitReason());
      }
    });
    RunSummary one = all.get(0);
    return new RunSummary(
        new RunSummary.Shape(String.join("+", modes), all.stream().mapToInt(RunSummary::concurrency).sum(),
            one.perHost(), all.size() + " runs merged (crawl merge), on one time axis from the first start",
            one.executors(), null),
        new RunSummary.Results(totals.counts(), totals.bytes(), totals.contentDigest(), totals.hosts(),
            new TreeMap<>(totals.protocols())),
        new RunSummary.Speed(round(all.stream().mapToDouble(RunSummary::setupSeconds).max().orElse(0)), round(wall),
            round(all.stream().mapToDouble(RunSummary::cpuSeconds).sum()),
            wall > 0 ? Math.round(totals.counts().saved() / wall * 10) / 10.0 : 0,
            wall > 0 ? Math.round(totals.bytes() / 1e6 / wall * 100) / 100.0 : 0,
            totals.latency(), totals.histogram()),
        new RunSummary.Load(all.stream().mapToInt(RunSummary::peakInFlight).sum(),
            all.stream().mapToInt(RunSummary::peakPlatformThreads).max().orElse(0),
            all.stream().mapToInt(RunSummary::processes).sum(), null),
        new RunSummary.Context(out.toAbsolutePath().toString(), out.toAbsolutePath().toString(), first.toString(),
            one.java(), exits.isEmpty() ? null : String.join("; ", exits), all.stream().anyMatch(RunSummary::insecure)),
        links(all),
        new RunSummary.Part(null, 0));
  }

  /** The runs' link counts added up; null when none crawled. */
  private static LinkCounts links(List<RunSummary> all) {
    List<LinkCounts> crawled = all.stream().map(RunSummary::links).filter(java.util.Objects::nonNull).toList();
    if (crawled.isEmpty()) {
      return null;
    }
    return new LinkCounts(
        crawled.stream().mapToLong(LinkCounts::found).sum(),
        crawled.stream().mapToLong(LinkCounts::queued).sum(),
        crawled.stream().mapToLong(LinkCounts::duplicate).sum(),
        crawled.stream().mapToLong(LinkCounts::outOfScope).sum(),
        crawled.stream().mapToLong(LinkCounts::tooDeep).sum(),
        crawled.stream().mapToLong(LinkCounts::robots).sum(),
        crawled.get(0).robotsTxt(),
        crawled.stream().mapToLong(LinkCounts::handedOff).sum(),
        crawled.stream().mapToLong(LinkCounts::fromSitemaps).sum(),
        // a summary written before traps were counted has none
        crawled.stream().map(LinkCounts::traps).filter(java.util.Objects::nonNull).reduce(TrapCounts.NONE, TrapCounts::plus));
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /**
   * Reads a run's summary.json; for a run killed before it wrote one (SIGKILL, a lost machine), a
   * summary of what its results.jsonl holds, started at the file's last change less its last
   * download's end, so that its records still land about where they happened.
   */
  public static RunSummary readSummary(Path reportDir) throws IOException {
    Path summary = reportDir.resolve(Reports.SUMMARY);
    if (Files.exists(summary)) {
      return Reports.JSON.readValue(Files.readAllBytes(summary), RunSummary.class);
    }
    Path results = reportDir.resolve(ResultsFile.NAME);
    double lastEndMs = 0;
    try (Stream<UrlResult> all = ResultsFile.read(results)) {
      for (UrlResult r : (Iterable<UrlResult>) all::iterator) {
        FetchTimings t = timings(r);
        if (t != null) {
          lastEndMs = Math.max(lastEndMs, t.finished() / 1e6);
        }
      }
    }
    Instant started = Files.getLastModifiedTime(results).toInstant().minusMillis((long) lastEndMs);
    return new RunSummary(
        new RunSummary.Shape("unknown", 0, 0, "", "", null),
        new RunSummary.Results(new Counts(0, 0, 0, 0, 0, 0, 0), 0, "", 0, new TreeMap<>()),
        new RunSummary.Speed(0, lastEndMs / 1000, 0, 0, 0, new Latency(0, 0, 0, 0, 0, 0), List.of()),
        new RunSummary.Load(0, 0, 0, null),
        new RunSummary.Context(reportDir.toString(), reportDir.toString(), started.toString(), "",
            "ended without a summary (killed?): its results.jsonl is all there is", false),
        null,
        new RunSummary.Part(null, 0));
  }

  private static FetchTimings timings(UrlResult r) {
    return switch (r) {
      case FetchResult f -> f.timings();
      case UrlResult.Interrupted i -> i.timings();
      case UrlResult.Duplicate d -> null;
      case UrlResult.Invalid i -> null;
    };
  }
}
