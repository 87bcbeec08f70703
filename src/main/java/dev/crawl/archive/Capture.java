package dev.crawl.archive;

import java.net.URI;
import java.time.Instant;

/**
 * One exchange to archive: the request as sent, and the response as received (its status line and
 * headers, and its body as transferred).
 *
 * @param requestHead the request line and headers, CRLF-terminated, ending with an empty line
 * @param truncated why the body stopped short, as WARC-Truncated says it ({@code length}, {@code
 *     time}, {@code disconnect}, {@code unspecified}), or null for a whole body
 */
public record Capture(URI url, Instant date, byte[] requestHead, RawCopy.Body response, String truncated) {
  /** A whole exchange. */
  public Capture(URI url, Instant date, byte[] requestHead, RawCopy.Body response) {
    this(url, date, requestHead, response, null);
  }
}
