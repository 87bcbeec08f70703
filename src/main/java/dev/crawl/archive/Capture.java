package dev.crawl.archive;

import java.net.URI;
import java.time.Instant;

/**
 * One exchange to archive: the request as sent, the response's status line and headers as
 * received, and its body as transferred.
 *
 * @param requestHead the request line and headers, CRLF-terminated, ending with an empty line
 * @param responseHead the status line and headers, likewise
 */
public record Capture(URI url, Instant date, byte[] requestHead, byte[] responseHead, RawCopy.Body body) {}
