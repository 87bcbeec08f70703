package dev.crawl.core;

import java.net.URI;
import java.util.Locale;

/**
 * The server a URL talks to, spelled one way: {@code scheme://host:port}, lower case, default port
 * written out. Per-host caps, request pacing and robots.txt are all kept per origin; a redirect to
 * {@code HTTP://Example.org:80/} is the same server as {@code http://example.org/}.
 */
public final class Origin {
  private Origin() {}

  public static String of(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
    return scheme + "://" + host + ":" + port;
  }
}
