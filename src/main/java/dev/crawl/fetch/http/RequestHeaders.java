package dev.crawl.fetch.http;

import dev.crawl.core.Origin;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The request headers users add with {@code -H 'Name: value'}: checked once, before anything starts,
 * and applied to every request after the defaults, so that they win (User-Agent included).
 * Credentials a user added go only to the server the URL names, never across a redirect to another.
 */
public final class RequestHeaders {
  /** Set by the client, or by us for a reason: a user's value would break the exchange. */
  private static final Set<String> OURS = Set.of("host", "connection", "content-length", "expect", "upgrade",
      "transfer-encoding", "te", "keep-alive", "accept-encoding");
  private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie", "proxy-authorization");

  private RequestHeaders() {}

  /** The problem with one {@code -H} value, or null if it can be sent. */
  public static String problem(String header) {
    if (header.indexOf('\r') >= 0 || header.indexOf('\n') >= 0 || header.indexOf('\0') >= 0) {
      return "a header cannot hold a line break or NUL (header injection)";
    }
    int colon = header.indexOf(':');
    if (colon <= 0) {
      return "write a header as 'Name: value'";
    }
    String name = header.substring(0, colon).strip();
    if (!name.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
      return "'" + name + "' is not a header name";
    }
    if (OURS.contains(name.toLowerCase(Locale.ROOT))) {
      return name + " is set by crawl itself" + (name.equalsIgnoreCase("Accept-Encoding")
          ? " (it lists the codings crawl decodes)" : "");
    }
    return null;
  }

  /**
   * Adds the user's headers to a request for {@code url}, replacing defaults of the same name.
   *
   * @param set sets a header, replacing any earlier value of its name
   */
  public static void apply(BiConsumer<String, String> set, List<String> headers, URI listed, URI url) {
    if (headers.isEmpty()) {
      return; // the usual case, on every request: nothing to compare
    }
    boolean sameServer = Origin.of(listed).equals(Origin.of(url));
    for (String h : headers) {
      int colon = h.indexOf(':');
      String name = h.substring(0, colon).strip();
      if (sameServer || !CREDENTIALS.contains(name.toLowerCase(Locale.ROOT))) {
        set.accept(name, h.substring(colon + 1).strip());
      }
    }
  }
}
