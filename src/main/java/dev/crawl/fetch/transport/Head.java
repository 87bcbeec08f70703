package dev.crawl.fetch.transport;

import java.net.http.HttpHeaders;

/**
 * A response's status line and headers, as the server sent them.
 *
 * @param protocol as ALPN and the status line spell it: {@code h2} or {@code http/1.1}
 * @param rawHeaders the header lines as received, names in their own case and in order, for the
 *     archive; null where the transport only has them parsed (the JDK client)
 */
public record Head(int status, HttpHeaders headers, String protocol, String reason, java.util.List<String> rawHeaders) {
  public static final String H2 = "h2";
  public static final String HTTP_1_1 = "http/1.1";
}
