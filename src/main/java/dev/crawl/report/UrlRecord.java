package dev.crawl.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The wire form of one {@link dev.crawl.core.UrlResult}: a line of {@code results.jsonl} and a row of
 * {@code results.csv}, its fields set by name (a field left unset is null, and so written). A public
 * contract: fields may be added at the end, none renamed or removed. Only {@link ResultsFile} builds
 * and reads these. Times are milliseconds since the run started.
 */
@JsonPropertyOrder({
  "outcome", "url", "finalUrl", "status", "bytes", "path", "crc32", "attempts", "error",
  "queuedMs", "startedMs", "firstByteMs", "finishedMs", "lane", "source", "depth", "referrer", "title", "waitMs",
  "contentType", "protocol", "etag", "lastModified", "note"
})
final class UrlRecord {
  /** {@code saved}, {@code not-modified}, {@code failed}, {@code invalid}, {@code duplicate},
   *     {@code skipped} or {@code interrupted} */
  public String outcome;
  public String url;
  public String finalUrl;
  public Integer status;
  public Long bytes;
  public String path;
  public String crc32;
  public Integer attempts;
  public String error;
  public Double queuedMs;
  public Double startedMs;
  public Double firstByteMs;
  public Double finishedMs;
  public String lane;
  /** where the URL came from, {@code file:line} */
  public String source;
  public Integer depth;
  public String referrer;
  public String title;
  /** of the time from started to finished, how long the download waited for a per-host slot or a
   * --rate turn; the rest was on the wire (added after the first fields, so CSV columns keep their places) */
  public Double waitMs;
  /** the saved response's Content-Type */
  public String contentType;
  /** the HTTP version the saved response came over, {@code h2} or {@code http/1.1} */
  public String protocol;
  /** the file's ETag, as the server sent it, for the next {@code -N} run (added last) */
  public String etag;
  /** the file's Last-Modified, as the server sent it (added last) */
  public String lastModified;
  /** what else the user should know of this line: that a page's links were read from a prefix (added last) */
  public String note;

  /** A record of {@code outcome} for {@code url}, every other field unset. */
  static UrlRecord of(String outcome, String url) {
    UrlRecord r = new UrlRecord();
    r.outcome = outcome;
    r.url = url;
    return r;
  }
}
