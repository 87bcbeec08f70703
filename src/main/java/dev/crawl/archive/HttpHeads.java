package dev.crawl.archive;

import dev.crawl.core.StatusPhrase;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The request and response heads a WARC record holds, written out from what the JDK client sent and
 * parsed: it does not hand over the bytes themselves. Both read as HTTP/1.1, whichever version
 * carried them (WARC readers expect that of HTTP/2 captures too).
 */
public final class HttpHeads {
  private HttpHeads() {}

  /** {@code GET /path?query HTTP/1.1}, Host, then the headers the request was built with. */
  public static byte[] request(URI url, Map<String, List<String>> headers) {
    String target = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
        + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    StringBuilder b = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n");
    b.append("Host: ").append(url.getRawAuthority()).append("\r\n");
    appendHeaders(b, headers);
    return b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * The status line and the headers as received. Transfer-Encoding is left out: the client removed
   * the chunking before the body reached us, so the body recorded is not chunked.
   */
  public static byte[] response(int status, Map<String, List<String>> headers) {
    StringBuilder b = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(StatusPhrase.of(status)).append("\r\n");
    appendHeaders(b, headers);
    return b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void appendHeaders(StringBuilder b, Map<String, List<String>> headers) {
    headers.forEach((name, values) -> {
      if (name.startsWith(":") || name.equalsIgnoreCase("transfer-encoding")) {
        return;
      }
      for (String v : values) {
        b.append(name).append(": ").append(v).append("\r\n");
      }
    });
  }
}
