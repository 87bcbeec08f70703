package dev.crawl.fetch.transport.netty;

import java.net.URI;
import java.util.Locale;

/**
 * Where a connection goes: the origin of a URL. Connections are pooled per route.
 *
 * @param host as the URL names it (an IPv6 literal without its brackets)
 */
record Route(boolean https, String host, int port) {

  static Route of(URI url) {
    boolean https = url.getScheme().equalsIgnoreCase("https");
    String host = url.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
    return new Route(https, host.toLowerCase(Locale.ROOT), port);
  }

  /** The Host header's value: the port only where it is not the scheme's own. */
  static String authority(URI url) {
    String host = url.getHost();
    boolean https = url.getScheme().equalsIgnoreCase("https");
    int port = url.getPort();
    return port < 0 || port == (https ? 443 : 80) ? host : host + ":" + port;
  }

  @Override
  public String toString() {
    return (https ? "https://" : "http://") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
