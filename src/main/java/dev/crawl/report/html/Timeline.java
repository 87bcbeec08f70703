package dev.crawl.report.html;

import dev.crawl.core.FetchResult;
import dev.crawl.core.FetchTimings;
import dev.crawl.core.UrlResult;
import dev.crawl.report.ResultsFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * What the timeline draws, read back from {@code results.jsonl} in one streaming pass: one bar per
 * download, one row per lane. Past {@link #MAX_BARS} it keeps an even random sample (reservoir), so a
 * report over a million URLs still opens quickly; {@link #sampled()} says so.
 */
public record Timeline(
    List<String> lanes, List<Bar> bars, long downloads, double endMs, List<UrlResult.Failed> firstFailures) {

  public static final int MAX_BARS = 4000;
  static final int MAX_FAILURES_LISTED = 20;

  /**
   * One download: its lane's row, when it ran, and what to show on hover.
   *
   * @param waitMs how long of it, from the start, went to waiting for a per-host slot or a --rate turn
   */
  public record Bar(int lane, double startMs, double endMs, double waitMs, boolean failed, String title) {}

  public boolean sampled() {
    return downloads > bars.size();
  }

  public static Timeline read(Path resultsJsonl) throws IOException {
    Sampler sampler = new Sampler();
    try (Stream<UrlResult> results = ResultsFile.read(resultsJsonl)) {
      results.forEach(sampler::add);
    }
    return sampler.timeline();
  }

  /**
   * Builds the timeline while the records are written, in bounded memory (a uniform sample of at
   * most {@link #MAX_BARS} downloads). Reading results.jsonl back for it cost 80 ms of a 2.3 s run.
   */
  public static final class Sampler {
    private final List<Ran> kept = new ArrayList<>();
    private final List<UrlResult.Failed> failures = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(42);
    private long downloads;
    private double end;

    public synchronized void add(UrlResult result) {
      Ran r = Ran.of(result);
      if (r == null) {
        return; // never downloaded: invalid, duplicate, refused or resumed
      }
      downloads++;
      end = Math.max(end, ms(r.timings().finished()));
      if (result instanceof UrlResult.Failed f && failures.size() < MAX_FAILURES_LISTED) {
        failures.add(f);
      }
      if (kept.size() < MAX_BARS) {
        kept.add(r);
      } else {
        long slot = random.nextLong(downloads);
        if (slot < MAX_BARS) {
          kept.set((int) slot, r);
        }
      }
    }

    public synchronized Timeline timeline() {
      return of(kept, downloads, end, failures);
    }
  }

  /** A result that was downloaded (or began to be), with when. */
  private record Ran(UrlResult result, FetchTimings timings) {
    static Ran of(UrlResult r) {
      FetchTimings t = switch (r) {
        case FetchResult f -> f.timings();
        case UrlResult.Interrupted i -> i.timings();
        case UrlResult.Duplicate d -> null;
        case UrlResult.Invalid i -> null;
      };
      return t == null || t.lane() == null ? null : new Ran(r, t);
    }

    String lane() {
      return timings.lane();
    }
  }

  private static Timeline of(List<Ran> kept, long downloads, double end, List<UrlResult.Failed> failures) {
    Map<String, Integer> laneIndex = new LinkedHashMap<>();
    kept.stream()
        .map(Ran::lane)
        .distinct()
        .sorted(Comparator.comparing(Timeline::laneOrder))
        .forEach(l -> laneIndex.put(l, laneIndex.size()));
    List<Bar> bars =
        kept.stream()
            .map(r -> new Bar(laneIndex.get(r.lane()), ms(r.timings().started()), ms(r.timings().finished()),
                ms(r.timings().waited()), r.result() instanceof UrlResult.Failed, title(r)))
            .toList();
    return new Timeline(List.copyOf(laneIndex.keySet()), bars, downloads, end, List.copyOf(failures));
  }

  /** Lanes sort by name, then by number: slot-2 before slot-10. */
  static String laneOrder(String lane) {
    int i = lane.length();
    while (i > 0 && Character.isDigit(lane.charAt(i - 1))) {
      i--;
    }
    String digits = lane.substring(i);
    return lane.substring(0, i) + (digits.isEmpty() ? "" : String.format("%09d", Long.parseLong(digits)));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static String title(Ran ran) {
    UrlResult r = ran.result();
    FetchTimings t = ran.timings();
    StringBuilder b = new StringBuilder(r.url());
    b.append("\n").append(ResultsFile.outcome(r));
    int status = switch (r) {
      case UrlResult.OnDisk s -> s.status();
      case UrlResult.Failed f -> f.status();
      case UrlResult.Skipped k -> k.status();
      default -> 0;
    };
    if (status != 0) {
      b.append(" · HTTP ").append(status);
    }
    if (r instanceof UrlResult.Saved s) {
      b.append(" · ").append(s.bytes()).append(" bytes");
    }
    b.append(String.format(java.util.Locale.US, " · %.1f ms", ms(t.latency())));
    if (t.waited() > 0) {
      b.append(String.format(java.util.Locale.US, " (after %.1f ms waiting for a per-host slot)", ms(t.waited())));
    }
    String error = switch (r) {
      case UrlResult.Failed f -> f.reason();
      case UrlResult.Skipped k -> k.reason();
      case UrlResult.Interrupted i -> UrlResult.Interrupted.REASON;
      default -> null;
    };
    if (error != null) {
      b.append("\n").append(error);
    }
    b.append("\nlane ").append(t.lane());
    return b.toString();
  }
}
