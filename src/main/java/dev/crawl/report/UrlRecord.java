package dev.crawl.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The wire form of one {@link dev.crawl.core.UrlResult}: a line of {@code results.jsonl} and a row of
 * {@code results.csv}. A public contract: fields may be added at the end, none renamed or removed.
 * Only {@link ResultsFile} builds and reads these. Times are milliseconds since the run started.
 *
 * @param outcome {@code saved}, {@code not-modified}, {@code failed}, {@code invalid}, {@code duplicate},
 *     {@code skipped} or {@code interrupted}
 * @param source where the URL came from, {@code file:line}
 * @param waitMs of the time from started to finished, how long the download waited for a per-host
 *     slot or a --rate turn; the rest was on the wire (added after the first fields, so CSV columns
 *     keep their places)
 * @param contentType the saved response's Content-Type
 * @param protocol the HTTP version the saved response came over, {@code h2} or {@code http/1.1}
 * @param etag the file's ETag, as the server sent it, for the next {@code -N} run (added last)
 * @param lastModified the file's Last-Modified, as the server sent it (added last)
 */
@JsonPropertyOrder({
  "outcome", "url", "finalUrl", "status", "bytes", "path", "crc32", "attempts", "error",
  "queuedMs", "startedMs", "firstByteMs", "finishedMs", "lane", "source", "depth", "referrer", "title", "waitMs",
  "contentType", "protocol", "etag", "lastModified"
})
record UrlRecord(
    String outcome,
    String url,
    String finalUrl,
    Integer status,
    Long bytes,
    String path,
    String crc32,
    Integer attempts,
    String error,
    Double queuedMs,
    Double startedMs,
    Double firstByteMs,
    Double finishedMs,
    String lane,
    String source,
    Integer depth,
    String referrer,
    String title,
    Double waitMs,
    String contentType,
    String protocol,
    String etag,
    String lastModified) {}
