package dev.crawl.archive;

import java.net.URI;
import java.time.Instant;

/**
 * One exchange to archive: the request as sent, and the response as received (its status line and
 * headers, and its body as transferred).
 *
 * @param requestHead the request line and headers, CRLF-terminated, ending with an empty line
 */
public record Capture(URI url, Instant date, byte[] requestHead, RawCopy.Body response) {}
