package dev.crawl.core;

import java.net.URI;

/**
 * What became of one URL of a run: every input line that names a URL, and every link a crawl finds,
 * ends as exactly one of these. {@code results.jsonl} holds one per line (the report's codec maps
 * each variant to its {@code outcome} name); everything that reads a run back reads these types.
 */
public sealed interface UrlResult permits FetchResult, UrlResult.Duplicate, UrlResult.Invalid, UrlResult.Interrupted {

  /** The URL as the run knew it (normalised), or the text of an invalid line. */
  String url();

  /** Where it came from: {@code file:line}, or the page a crawl found it on. */
  String source();

  /**
   * A URL whose complete body is on disk under {@link #path()} at the end of the run: saved by this
   * run, or kept because the server said it had not changed since an earlier run saved it. A crawl
   * reads either for its links.
   */
  sealed interface OnDisk extends FetchResult permits Saved, NotModified {
    URI finalUrl();

    /** The HTTP status of the response that decided it: a 2xx, or 304. */
    int status();

    /** The file on disk. */
    StoredFile file();

    /** What the deciding response said of the body. */
    Served served();

    /**
     * Where the page leads, once it has been read (a crawl), else {@link Discovered#NONE}; read back
     * from a report, only its title.
     */
    Discovered found();

    OnDisk withFound(Discovered d);

    /** The file's size: the bytes saved, or the bytes kept. */
    default long bytes() {
      return file().bytes();
    }

    /** The file, relative to the output directory, with '/' separators. */
    default String path() {
      return file().path();
    }

    /** CRC-32 of the file's bytes, as eight hex digits; null when no run computed it. */
    default String crc32() {
      return file().crc32();
    }

    /** The Content-Type the body came with, or null. */
    default String contentType() {
      return served().contentType();
    }

    /** The HTTP version of the deciding response: {@code h2} or {@code http/1.1}; null in old reports. */
    default String protocol() {
      return served().protocol();
    }

    /** The body's ETag and Last-Modified, for the next run to ask whether it changed. */
    default Validators validators() {
      return served().validators();
    }

    default String title() {
      return found().title();
    }
  }

  /**
   * A file on disk.
   *
   * @param bytes its size
   * @param path relative to the output directory, with '/' separators
   * @param crc32 CRC-32 of its bytes, as eight hex digits; null when no run computed it
   */
  record StoredFile(long bytes, String path, String crc32) {}

  /**
   * What a response said of its body.
   *
   * @param contentType its Content-Type, or null
   * @param protocol the HTTP version it came over, {@code h2} or {@code http/1.1}; null in old reports
   * @param validators its ETag and Last-Modified
   */
  record Served(String contentType, String protocol, Validators validators) {}

  /** The body is complete and sits under its final name. */
  record Saved(
      Task task, URI finalUrl, int status, int attempts, FetchTimings timings, StoredFile file, Served served,
      Discovered found)
      implements OnDisk {
    @Override
    public Saved withFound(Discovered d) {
      return new Saved(task, finalUrl, status, attempts, timings, file, served, d);
    }
  }

  /**
   * Asked with the validators of the file an earlier run saved ({@code -N}), the server answered 304
   * Not Modified: the file stays as it is, and nothing of its body was transferred.
   *
   * @param served its content type as the earlier run recorded it, or null; its validators as the
   *     304 gave them, else as the earlier run recorded them
   */
  record NotModified(
      Task task, URI finalUrl, int status, int attempts, FetchTimings timings, StoredFile file, Served served,
      Discovered found)
      implements OnDisk {
    @Override
    public NotModified withFound(Discovered d) {
      return new NotModified(task, finalUrl, status, attempts, timings, file, served, d);
    }
  }

  /**
   * Nothing was saved.
   *
   * @param status the last HTTP status seen, or 0 if no response arrived
   * @param reason one line a user can act on
   * @param keptPath where the body a cut download kept for {@code -C} is, relative to the output
   *     directory, or null when nothing was kept
   * @param keptBytes how many bytes it holds, or -1
   */
  record Failed(
      Task task, URI finalUrl, int status, String reason, int attempts, FetchTimings timings, String keptPath,
      long keptBytes)
      implements FetchResult {

    /** A failure that left nothing on disk. */
    public Failed(Task task, URI finalUrl, int status, String reason, int attempts, FetchTimings timings) {
      this(task, finalUrl, status, reason, attempts, timings, null, -1);
    }
  }

  /**
   * Nothing was fetched or saved, by design, for the reason given: a redirect out of the crawl's
   * scope (then it was requested: timings, status and final URL are set), a found link the crawl's
   * rules refused (robots.txt, depth, scope), or a file an earlier run saved completely
   * ({@code --resume}: its path and size are kept, so that a later resume skips it too).
   *
   * @param finalUrl where a redirect would have gone, or null
   * @param status the redirect's status, or 0 if nothing was requested
   * @param timings when it was requested, or null if it never was
   * @param path the file an earlier run saved, or null
   * @param bytes that file's size, or -1
   */
  record Skipped(
      Task task, URI finalUrl, int status, String reason, int attempts, FetchTimings timings, String path, long bytes)
      implements FetchResult {

    public static final String ALREADY_SAVED = "already saved by an earlier run (--resume)";

    /** Requested, and stopped on the way by a rule (a redirect out of scope). */
    public static Skipped onTheWay(Task task, URI finalUrl, int status, String reason, int attempts, FetchTimings timings) {
      return new Skipped(task, finalUrl, status, reason, attempts, timings, null, -1);
    }

    /** Never requested: a found link the crawl's rules refused. */
    public static Skipped refused(Task task, String reason) {
      return new Skipped(task, null, 0, reason, 0, null, null, -1);
    }

    /** Never requested: an earlier run saved it completely ({@code --resume}). */
    public static Skipped alreadySaved(Task task, String path, long bytes) {
      return new Skipped(task, null, 0, ALREADY_SAVED, 0, null, path, bytes);
    }
  }

  /** A download stopped by a stop signal: not done, nothing kept. */
  record Interrupted(Task task, int attempts, FetchTimings timings) implements UrlResult {
    public static final String REASON = "not done: the run was interrupted";

    @Override
    public String url() {
      return task.url().toString();
    }

    @Override
    public String source() {
      return task.origin();
    }
  }

  /** A URL listed again: counted once, fetched once. */
  record Duplicate(URI link, String source) implements UrlResult {
    @Override
    public String url() {
      return link.toString();
    }
  }

  /**
   * A line that names no URL we can fetch.
   *
   * @param url the line's text (abbreviated)
   * @param problem why, in one line
   */
  record Invalid(String url, String source, String problem) implements UrlResult {}
}
