package dev.crawl.fetch.transport.netty;

import java.net.URI;
import java.util.Locale;

/**
 * Where a connection goes. Connections are pooled per route: an origin reached directly, the
 * tunnel to an origin through a proxy ({@code https}), or a proxy itself, which takes plain http
 * requests for any origin on the same connections.
 *
 * @param host as the URL names it (an IPv6 literal without its brackets); for plain http through a
 *     proxy, the proxy's
 * @param via the proxy the connection goes through, or null
 */
record Route(boolean https, String host, int port, Via via) {

  /** A forward proxy: its address, reached over plain TCP. */
  record Via(String host, int port) {}

  /** @param proxy the proxy for this URL, or null to go direct */
  static Route of(URI url, URI proxy) {
    boolean https = url.getScheme().equalsIgnoreCase("https");
    Via via = proxy == null ? null : new Via(bare(proxy.getHost()), proxy.getPort());
    if (via != null && !https) {
      return new Route(false, via.host(), via.port(), via);
    }
    int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
    return new Route(https, bare(url.getHost()), port, via);
  }

  /** Through a CONNECT tunnel: https by way of a proxy. */
  boolean tunnel() {
    return via != null && https;
  }

  /** Absolute-form requests to a proxy: plain http by way of one. */
  boolean toProxy() {
    return via != null && !https;
  }

  private static String bare(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return h.toLowerCase(Locale.ROOT);
  }

  /** The Host header's value: the port only where it is not the scheme's own. */
  static String authority(URI url) {
    String host = url.getHost();
    boolean https = url.getScheme().equalsIgnoreCase("https");
    int port = url.getPort();
    return port < 0 || port == (https ? 443 : 80) ? host : host + ":" + port;
  }

  /** As CONNECT names it: host and port always, an IPv6 literal in brackets. */
  String hostAndPort() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return (https ? "https://" : "http://") + hostAndPort() + (via == null ? "" : " via " + via.host() + ":" + via.port());
  }
}
