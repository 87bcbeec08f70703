package dev.crawl.report.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawl.report.UrlRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the timeline draws, read back from {@code results.jsonl} in one streaming pass: one bar per
 * download, one row per lane. Past {@link #MAX_BARS} it keeps an even random sample (reservoir), so a
 * report over a million URLs still opens quickly; {@link #sampled()} says so.
 */
public record Timeline(
    List<String> lanes, List<Bar> bars, long downloads, double endMs, List<UrlRecord> firstFailures) {

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
    ObjectMapper json = new ObjectMapper();
    Sampler sampler = new Sampler();
    try (BufferedReader in = Files.newBufferedReader(resultsJsonl, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        sampler.add(json.readValue(line, UrlRecord.class));
      }
    }
    return sampler.timeline();
  }

  /**
   * Builds the timeline while the records are written, in bounded memory (a uniform sample of at
   * most {@link #MAX_BARS} downloads). Reading results.jsonl back for it cost 80 ms of a 2.3 s run.
   */
  public static final class Sampler {
    private final List<UrlRecord> kept = new ArrayList<>();
    private final List<UrlRecord> failures = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(42);
    private long downloads;
    private double end;

    public synchronized void add(UrlRecord r) {
      if (r.startedMs() == null || r.finishedMs() == null || r.lane() == null) {
        return; // invalid and duplicate lines were never downloaded
      }
      downloads++;
      end = Math.max(end, r.finishedMs());
      if ("failed".equals(r.outcome()) && failures.size() < MAX_FAILURES_LISTED) {
        failures.add(r);
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

  private static Timeline of(List<UrlRecord> kept, long downloads, double end, List<UrlRecord> failures) {
    Map<String, Integer> laneIndex = new LinkedHashMap<>();
    kept.stream()
        .map(UrlRecord::lane)
        .distinct()
        .sorted(Comparator.comparing(Timeline::laneOrder))
        .forEach(l -> laneIndex.put(l, laneIndex.size()));
    List<Bar> bars =
        kept.stream()
            .map(r -> new Bar(laneIndex.get(r.lane()), r.startedMs(), r.finishedMs(), waitMs(r), "failed".equals(r.outcome()), title(r)))
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

  private static double waitMs(UrlRecord r) {
    return r.waitMs() == null ? 0 : r.waitMs();
  }

  private static String title(UrlRecord r) {
    StringBuilder b = new StringBuilder(r.url());
    b.append("\n").append(r.outcome());
    if (r.status() != null) {
      b.append(" · HTTP ").append(r.status());
    }
    if (r.bytes() != null) {
      b.append(" · ").append(r.bytes()).append(" bytes");
    }
    b.append(String.format(java.util.Locale.US, " · %.1f ms", r.finishedMs() - r.startedMs() - waitMs(r)));
    if (waitMs(r) > 0) {
      b.append(String.format(java.util.Locale.US, " (after %.1f ms waiting for a per-host slot)", waitMs(r)));
    }
    if (r.error() != null) {
      b.append("\n").append(r.error());
    }
    b.append("\nlane ").append(r.lane());
    return b.toString();
  }
}
