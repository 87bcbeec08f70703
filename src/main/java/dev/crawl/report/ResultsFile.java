package dev.crawl.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawl.core.Discovered;
import dev.crawl.core.FetchTimings;
import dev.crawl.core.Task;
import dev.crawl.core.UrlResult;
import dev.crawl.core.Validators;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code results.jsonl}, the one reader and writer: each {@link UrlResult} variant to its line and
 * back. The outcome names and field names here are the schema README documents; files written by
 * earlier versions read the same way.
 */
public final class ResultsFile {
  public static final String NAME = "results.jsonl";

  // the outcome names: each spelled here once, for writing, reading and labels
  public static final String SAVED = "saved";
  public static final String NOT_MODIFIED = "not-modified";
  public static final String FAILED = "failed";
  public static final String SKIPPED = "skipped";
  public static final String DUPLICATE = "duplicate";
  public static final String INVALID = "invalid";
  public static final String INTERRUPTED = "interrupted";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultsFile() {}

  /** The {@code outcome} name a result is written with. */
  public static String outcome(UrlResult r) {
    return switch (r) {
      case UrlResult.Saved s -> SAVED;
      case UrlResult.NotModified n -> NOT_MODIFIED;
      case UrlResult.Failed f -> FAILED;
      case UrlResult.Skipped k -> SKIPPED;
      case UrlResult.Duplicate d -> DUPLICATE;
      case UrlResult.Invalid i -> INVALID;
      case UrlResult.Interrupted i -> INTERRUPTED;
    };
  }

  /** One line of JSON, without the newline. */
  public static String line(UrlResult r) {
    return line(record(r));
  }

  static String line(UrlRecord r) {
    try {
      return JSON.writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a result that cannot be written as JSON: " + r, e);
    }
  }

  /** One line back to its result. */
  public static UrlResult parse(String line) throws IOException {
    return result(JSON.readValue(line, UrlRecord.class));
  }

  /**
   * Every result in the file, in order, read as the stream is consumed (close it). A line that does
   * not parse, such as the last line of a run killed while writing it, is left out.
   */
  public static Stream<UrlResult> read(Path file) throws IOException {
    BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    return in.lines().map(ResultsFile::parseOrNull).filter(Objects::nonNull).onClose(() -> {
      try {
        in.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Every result of the report an earlier run left in {@code reportDir}; nothing when there is none. */
  public static void readEarlier(Path reportDir, Consumer<UrlResult> each) throws IOException {
    Path results = reportDir.resolve(NAME);
    if (Files.isRegularFile(results)) {
      try (Stream<UrlResult> earlier = read(results)) {
        earlier.forEach(each);
      }
    }
  }

  private static UrlResult parseOrNull(String line) {
    try {
      return parse(line);
    } catch (IOException | IllegalArgumentException torn) {
      return null;
    }
  }

  static UrlRecord record(UrlResult r) {
    String outcome = outcome(r);
    return switch (r) {
      case UrlResult.OnDisk s ->
          noted(fetched(outcome, s.task(), s.finalUrl(), s.status(), s.bytes(), s.path(), s.crc32(), s.attempts(),
              null, s.timings(), s.title(), s.contentType(), s.protocol(), s.validators()), s.found().note());
      case UrlResult.Failed f ->
          fetched(outcome, f.task(), f.finalUrl(), f.status(), f.keptBytes(), f.keptPath(), null, f.attempts(), f.reason(),
              f.timings(), null, null, null, Validators.NONE);
      case UrlResult.Skipped k ->
          fetched(outcome, k.task(), k.finalUrl(), k.status(), k.bytes(), k.path(), null, k.attempts(),
              k.reason(), k.timings(), null, null, null, Validators.NONE);
      case UrlResult.Interrupted i ->
          fetched(outcome, i.task(), null, 0, -1, null, null, i.attempts(), UrlResult.Interrupted.REASON,
              i.timings(), null, null, null, Validators.NONE);
      case UrlResult.Duplicate d -> {
        UrlRecord u = UrlRecord.of(outcome, d.url());
        u.source = d.source();
        yield u;
      }
      case UrlResult.Invalid i -> {
        UrlRecord u = UrlRecord.of(outcome, i.url());
        u.error = i.problem();
        u.source = i.source();
        yield u;
      }
    };
  }

  private static UrlRecord noted(UrlRecord u, String note) {
    u.note = note;
    return u;
  }

  private static UrlRecord fetched(String outcome, Task task, URI finalUrl, int status, long bytes, String path,
      String crc32, int attempts, String error, FetchTimings t, String title, String contentType, String protocol,
      Validators validators) {
    boolean found = task.referrer() != null || task.depth() != 0;
    UrlRecord u = UrlRecord.of(outcome, task.url().toString());
    u.finalUrl = str(finalUrl);
    u.status = status == 0 ? null : status;
    u.bytes = bytes < 0 ? null : bytes;
    u.path = path;
    u.crc32 = crc32;
    u.attempts = attempts;
    u.error = error;
    if (t != null) {
      u.queuedMs = ms(t.queued());
      u.startedMs = ms(t.started());
      u.firstByteMs = t.firstByte() < 0 ? null : ms(t.firstByte());
      u.finishedMs = ms(t.finished());
      u.lane = t.lane();
      u.waitMs = ms(t.waited());
    }
    u.source = task.origin();
    u.depth = found ? task.depth() : null;
    u.referrer = str(task.referrer());
    u.title = title;
    u.contentType = contentType;
    u.protocol = protocol;
    u.etag = validators.etag();
    u.lastModified = validators.lastModified();
    return u;
  }

  static UrlResult result(UrlRecord r) {
    String outcome = Objects.requireNonNull(r.outcome, "a line without an outcome");
    return switch (outcome) {
      case SAVED -> new UrlResult.Saved(task(r), uri(r.finalUrl), orZero(r.status), orZero(r.attempts), timings(r),
          new UrlResult.StoredFile(orMinus(r.bytes), r.path, r.crc32),
          new UrlResult.Served(r.contentType, r.protocol, validators(r)), titled(r));
      case NOT_MODIFIED -> new UrlResult.NotModified(task(r), uri(r.finalUrl), orZero(r.status), orZero(r.attempts),
          timings(r),
          new UrlResult.StoredFile(orMinus(r.bytes), r.path, r.crc32),
          new UrlResult.Served(r.contentType, r.protocol, validators(r)), titled(r));
      case FAILED -> new UrlResult.Failed(task(r), uri(r.finalUrl), orZero(r.status), r.error,
          orZero(r.attempts), timings(r), r.path, orMinus(r.bytes));
      case SKIPPED -> new UrlResult.Skipped(task(r), uri(r.finalUrl), orZero(r.status), r.error,
          orZero(r.attempts), timings(r), r.path, orMinus(r.bytes));
      case INTERRUPTED -> new UrlResult.Interrupted(task(r), orZero(r.attempts), timings(r));
      case DUPLICATE -> new UrlResult.Duplicate(URI.create(r.url), r.source);
      case INVALID -> new UrlResult.Invalid(r.url, r.source, r.error);
      default -> throw new IllegalArgumentException("unknown outcome '" + outcome + "'");
    };
  }

  private static Discovered titled(UrlRecord r) {
    return r.title == null && r.note == null ? Discovered.NONE : new Discovered(r.title, List.of(), List.of(), r.note);
  }

  private static Validators validators(UrlRecord r) {
    return r.etag == null && r.lastModified == null ? Validators.NONE : new Validators(r.etag, r.lastModified);
  }

  // a task read back has no id: ids are positions in the run that wrote it
  private static Task task(UrlRecord r) {
    return new Task(0, URI.create(r.url), r.source, r.queuedMs == null ? 0 : nanos(r.queuedMs),
        r.depth == null ? 0 : r.depth, uri(r.referrer));
  }

  private static FetchTimings timings(UrlRecord r) {
    if (r.startedMs == null || r.finishedMs == null) {
      return null;
    }
    return new FetchTimings(r.queuedMs == null ? 0 : nanos(r.queuedMs), nanos(r.startedMs),
        r.firstByteMs == null ? -1 : nanos(r.firstByteMs), nanos(r.finishedMs), r.lane,
        r.waitMs == null ? 0 : nanos(r.waitMs));
  }

  private static URI uri(String s) {
    return s == null ? null : URI.create(s);
  }

  private static String str(URI u) {
    return u == null ? null : u.toString();
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }

  private static long orMinus(Long l) {
    return l == null ? -1 : l;
  }

  /** Milliseconds with microsecond precision, as the schema has always written them. */
  private static Double ms(long nanos) {
    return Math.round(nanos / 1_000.0) / 1_000.0;
  }

  private static long nanos(double ms) {
    return Math.round(ms * 1_000_000);
  }
}
