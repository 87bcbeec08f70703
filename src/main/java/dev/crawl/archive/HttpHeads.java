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

  /** The status code of a response head ({@code HTTP/1.1 200 OK}), or 0 when it has none. */
  static int status(byte[] head) {
    String first = firstLine(head);
    String[] parts = first.split(" ", 3);
    try {
      return parts.length >= 2 ? Integer.parseInt(parts[1]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** A response head's Content-Type without its parameters ({@code text/html}), or null. */
  static String mediaType(byte[] head) {
    for (String line : new String(head, StandardCharsets.ISO_8859_1).split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-type")) {
        String value = line.substring(colon + 1);
        int semicolon = value.indexOf(';');
        String type = (semicolon >= 0 ? value.substring(0, semicolon) : value).trim();
        return type.isEmpty() ? null : type;
      }
    }
    return null;
  }

  private static String firstLine(byte[] head) {
    String text = new String(head, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n");
    return end < 0 ? text : text.substring(0, end);
  }
}
