package dev.crawl.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.crawl.core.FetchResult;
import dev.crawl.core.Origin;
import dev.crawl.core.UrlResult;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Streams one record per URL to {@code results.jsonl} and {@code results.csv} as it finishes (and
 * to stdout with {@code --jsonl}), and keeps only running totals in memory. Records are written in
 * the order they are handed in, by a thread of its own ({@link SerialWriter}), so that a download
 * never waits for the report, nor for a slow reader at the other end of a pipe.
 */
public final class RunRecorder implements Consumer<UrlResult>, AutoCloseable {
  public static final String CSV = "results.csv";

  private final FileOutputStream jsonlFile;
  private final FileOutputStream csvFile;
  private final Writer jsonl;
  private final Writer csvOut;
  private final SequenceWriter csv;
  // lines for stdout wait for the flush of the files, so a line printed is a line on disk
  private final List<String> stdoutLines = new ArrayList<>();
  private long synced = System.nanoTime();
  private final PrintStream stdout;
  private final StdoutFormat format;
  private final Path outputDir;
  private final Histogram latencyMicros = new Histogram(3_600_000_000L, 3);
  private final ContentDigest digest = new ContentDigest();
  // one entry per server: bounded by the hosts of a run, not its URLs
  private final java.util.Set<String> origins = new java.util.HashSet<>();
  private final java.util.Map<String, Long> protocols = new java.util.TreeMap<>();
  private long saved;
  private long failed;
  private long invalid;
  private long duplicate;
  private long bytes;
  private long interrupted;
  private long skipped;
  private long notModified;
  private volatile boolean stopping;
  private final SerialWriter writer;
  private final Consumer<UrlResult> tap;

  public RunRecorder(Path reportDir, PrintStream stdout, StdoutFormat format, Path outputDir) throws IOException {
    this(reportDir, stdout, format, outputDir, record -> {});
  }

  /**
   * @param format what to print on {@code stdout} per finished URL
   * @param outputDir the output directory as the user gave it, for printed paths
   * @param tap sees every record as it is written, on the writer's thread (the HTML timeline)
   */
  public RunRecorder(Path reportDir, PrintStream stdout, StdoutFormat format, Path outputDir, Consumer<UrlResult> tap)
      throws IOException {
    this.tap = tap;
    Files.createDirectories(reportDir);
    this.jsonlFile = new FileOutputStream(reportDir.resolve(ResultsFile.NAME).toFile());
    this.jsonl = new BufferedWriter(new OutputStreamWriter(jsonlFile, StandardCharsets.UTF_8));
    CsvMapper csvMapper = new CsvMapper();
    CsvSchema schema = csvMapper.schemaFor(UrlRecord.class).withHeader();
    this.csvFile = new FileOutputStream(reportDir.resolve(CSV).toFile());
    this.csvOut = new BufferedWriter(new OutputStreamWriter(csvFile, StandardCharsets.UTF_8));
    this.csv = csvMapper.writer(schema).writeValues(csvOut);
    this.stdout = stdout;
    this.format = format;
    this.outputDir = outputDir;
    this.writer = new SerialWriter("crawl-report", this::flush);
  }

  /** For the progress line: everything accounted for so far. */
  public synchronized Progress.Snapshot snapshot(long inFlight) {
    return new Progress.Snapshot(counts().total(), failed, bytes, inFlight);
  }

  /** From now on, downloads that still report are recorded as stopped by the interruption. */
  public void stopping() {
    stopping = true;
  }

  /** Takes every result of the run, from the engine and the frontier alike, on any thread. */
  @Override
  public void accept(UrlResult result) {
    // a download failing once the stop began failed because of it
    UrlResult r = stopping && result instanceof UrlResult.Failed f
        ? new UrlResult.Interrupted(f.task(), f.attempts(), f.timings())
        : result;
    writer.submit(() -> record(r));
  }

  private synchronized void record(UrlResult result) {
    switch (result) {
      case UrlResult.Saved s -> {
        saved++;
        bytes += s.bytes();
        onDisk(s);
      }
      // asked and answered, so a download in the latency figures; no body came
      case UrlResult.NotModified n -> {
        notModified++;
        onDisk(n);
      }
      case UrlResult.Failed f -> {
        failed++;
        download(f);
      }
      // none of these is a finished download: kept out of the latency figures
      case UrlResult.Skipped k -> skipped++;
      case UrlResult.Interrupted i -> interrupted++;
      case UrlResult.Duplicate d -> duplicate++;
      case UrlResult.Invalid i -> invalid++;
    }
    write(result);
  }

  private void onDisk(UrlResult.OnDisk r) {
    digest.add(r.path(), r.crc32());
    if (r.protocol() != null) {
      protocols.merge(r.protocol(), 1L, Long::sum);
    }
    download(r);
  }

  private void download(FetchResult r) {
    origins.add(Origin.of(r.task().url()));
    latencyMicros.recordValue(Math.max(0, Math.min(r.timings().latency() / 1_000, 3_600_000_000L)));
  }

  /** Returns once every record handed in before this call is written and counted. */
  public void drain() {
    writer.drain();
  }

  /** Everything recorded so far, once the records handed in before this call are written. */
  public RunTotals totals() {
    drain();
    return totalsNow();
  }

  private synchronized RunTotals totalsNow() {
    Latency latency =
        latencyMicros.getTotalCount() == 0
            ? new Latency(0, 0, 0, 0, 0, 0)
            : new Latency(
                ms(latencyMicros.getValueAtPercentile(50)),
                ms(latencyMicros.getValueAtPercentile(90)),
                ms(latencyMicros.getValueAtPercentile(95)),
                ms(latencyMicros.getValueAtPercentile(99)),
                ms(latencyMicros.getMaxValue()),
                Math.round(latencyMicros.getMean()) / 1000.0);
    return new RunTotals(
        counts(),
        bytes,
        latency,
        histogram(),
        digest.value(),
        origins.size(),
        java.util.Map.copyOf(protocols));
  }

  private Counts counts() {
    return new Counts(saved, failed, invalid, duplicate, interrupted, skipped, notModified);
  }

  static final int HISTOGRAM_BUCKETS = 30;

  /** Even buckets from zero to the 99.9th percentile; the slowest 0.1% go in the last one. */
  private List<LatencyBucket> histogram() {
    if (latencyMicros.getTotalCount() == 0) {
      return List.of();
    }
    long top = Math.max(latencyMicros.getValueAtPercentile(99.9), 1);
    double width = Math.ceil(top / (double) HISTOGRAM_BUCKETS);
    long[] counts = new long[HISTOGRAM_BUCKETS];
    for (HistogramIterationValue v : latencyMicros.recordedValues()) {
      int i = (int) Math.min(HISTOGRAM_BUCKETS - 1, v.getValueIteratedTo() / width);
      counts[i] += v.getCountAtValueIteratedTo();
    }
    List<LatencyBucket> buckets = new ArrayList<>(HISTOGRAM_BUCKETS);
    for (int i = 0; i < HISTOGRAM_BUCKETS; i++) {
      buckets.add(new LatencyBucket(i * width / 1000, (i + 1) * width / 1000, counts[i]));
    }
    return buckets;
  }

  private void write(UrlResult result) {
    try {
      UrlRecord record = ResultsFile.record(result);
      String line = ResultsFile.line(record);
      jsonl.write(line);
      jsonl.write('\n');
      csv.write(record);
      tap.accept(result);
      String out = format.line(result, line, outputDir);
      if (out != null) {
        stdoutLines.add(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report: " + e.getMessage(), e);
    }
  }

  /**
   * The journal survives a crash: records reach the operating system whenever the writer runs out
   * of work (so SIGKILL or an OOM kill loses at most the last second), and the disk at most once a
   * second (a power cut). Then the same lines go to stdout.
   */
  private void flush() {
    try {
      jsonl.flush();
      csv.flush();
      if (System.nanoTime() - synced > SerialWriter.FLUSH_INTERVAL_NANOS) {
        jsonlFile.getFD().sync();
        csvFile.getFD().sync();
        synced = System.nanoTime();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report: " + e.getMessage(), e);
    }
    if (!stdoutLines.isEmpty()) {
      stdoutLines.forEach(stdout::println);
      stdout.flush();
      stdoutLines.clear();
    }
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }

  @Override
  public void close() throws IOException {
    try (jsonl;
        csvOut;
        csv) {
      writer.close();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
