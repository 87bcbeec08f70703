package dev.crawl.fetch.net;

import dev.crawl.fetch.auth.Credentials;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where requests go: straight to the server, or through an HTTP proxy (HTTPS through CONNECT), as
 * curl and wget decide it: {@code --proxy} for every scheme, else {@code http_proxy} and
 * {@code https_proxy} (or {@code HTTPS_PROXY}; never {@code HTTP_PROXY}, which a CGI request can
 * set), then {@code all_proxy}; {@code no_proxy} names hosts and domains reached directly. Unlike the
 * JDK's own selector, loopback is not exempt unless listed: curl does the same.
 *
 * @param http the proxy for http URLs ({@code http://[user:password@]host:port}), or null
 * @param https the proxy for https URLs, or null
 * @param noProxy host names, domain suffixes and addresses reached directly; {@code *} for all
 */
public record Proxies(String http, String https, List<String> noProxy) {
  public static final Proxies NONE = new Proxies(null, null, List.of());

  public Proxies {
    noProxy = List.copyOf(noProxy);
  }

  /**
   * The proxies a run uses: {@code --proxy} (and {@code --noproxy}) when given, else the environment's.
   *
   * @param proxy the {@code --proxy} value, or null
   * @param noProxy the {@code --noproxy} value, or null
   */
  public static Proxies choose(String proxy, String noProxy, Map<String, String> env) {
    String none = noProxy != null ? noProxy : first(env, "no_proxy", "NO_PROXY");
    List<String> direct = new ArrayList<>();
    if (none != null) {
      for (String entry : none.split("[,\\s]+")) {
        if (!entry.isBlank()) {
          direct.add(entry.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    if (proxy != null) {
      return proxy.isBlank() ? new Proxies(null, null, direct) : new Proxies(proxy, proxy, direct);
    }
    String all = first(env, "all_proxy", "ALL_PROXY");
    String http = first(env, "http_proxy");
    String https = first(env, "https_proxy", "HTTPS_PROXY");
    return new Proxies(http != null ? http : all, https != null ? https : all, direct);
  }

  private static String first(Map<String, String> env, String... names) {
    for (String n : names) {
      String v = env.get(n);
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  /** True when any request may go through a proxy. */
  public boolean any() {
    return http != null || https != null;
  }

  /** The problem with a proxy address, or null when it can be used. */
  public static String problem(String proxy) {
    try {
      URI u = uri(proxy);
      if (!"http".equals(u.getScheme())) {
        return "only http:// proxies are supported (HTTPS goes through them with CONNECT), not " + u.getScheme() + "://";
      }
      if (u.getHost() == null) {
        return "write a proxy as http://HOST:PORT";
      }
      return null;
    } catch (IllegalArgumentException e) {
      return "write a proxy as http://HOST:PORT";
    }
  }

  /** A proxy as curl takes it: the scheme may be left out; the port is 1080 when it is. */
  static URI uri(String proxy) {
    String withScheme = proxy.contains("://") ? proxy : "http://" + proxy;
    URI u = URI.create(withScheme);
    if (u.getPort() < 0) {
      u = URI.create(withScheme.replaceFirst("(://[^/]*)(/.*)?$", "$1:1080"));
    }
    return u;
  }

  /** The proxy for a URL, or null to go direct. */
  public URI proxyFor(URI url) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    if (bypassed(host)) {
      return null;
    }
    String p = "https".equalsIgnoreCase(url.getScheme()) ? https : http;
    return p == null ? null : uri(p);
  }

  private boolean bypassed(String host) {
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    for (String entry : noProxy) {
      String e = entry.startsWith(".") ? entry.substring(1) : entry;
      if (e.equals("*") || bare.equals(e) || bare.endsWith("." + e)) {
        return true;
      }
    }
    return false;
  }

  /** The JDK client's view of these choices. */
  public ProxySelector selector() {
    return new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        URI p = proxyFor(uri);
        return List.of(p == null
            ? Proxy.NO_PROXY
            : new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.getHost(), p.getPort())));
      }

      @Override
      public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // the download reports it
      }
    };
  }

  /** The user name and password in the address of the proxy a URL goes through, or null. */
  public Credentials credentialsFor(URI url) {
    URI p = proxyFor(url);
    return p == null || p.getUserInfo() == null ? null : Credentials.parse(p.getUserInfo());
  }

  @Override
  public String toString() {
    return "Proxies[http=" + masked(http) + ", https=" + masked(https) + ", noProxy=" + noProxy + "]";
  }

  private static String masked(String proxy) {
    return proxy == null ? null : proxy.replaceFirst("//[^/@]*@", "//***@");
  }

  /** For messages: the proxy without its credentials. */
  public static String shown(URI proxy) {
    return proxy.getHost() + ":" + proxy.getPort();
  }
}
