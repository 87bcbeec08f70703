package dev.crawl.fetch;

import dev.crawl.fetch.tls.LazyTls;
import dev.crawl.fetch.tls.Tls;
import java.io.IOException;
import java.net.http.HttpClient;

/**
 * The client for what a crawl reads beside its downloads (robots.txt, sitemaps): the run's TLS
 * trust (--ca-certificate, --insecure, a client certificate) and proxies, so that a site the
 * downloads can reach, these reach too. Redirects are followed by the client: they are not reported.
 */
public final class SideClient {
  private SideClient() {}

  public static HttpClient of(FetchSettings settings) throws IOException {
    return reaching(settings).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /**
   * A client builder that reaches what the run's settings say it may: its connect timeout, TLS
   * trust and proxies. The downloads' client starts from it too, so the two never disagree.
   */
  static HttpClient.Builder reaching(FetchSettings settings) throws IOException {
    return HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .sslContext(Tls.context(settings.tls()))
        .sslParameters(LazyTls.parameters())
        // without a selector the client takes the JDK's default, which reads Java's own proxy properties
        .proxy(settings.proxies().any() ? settings.proxies().selector() : HttpClient.Builder.NO_PROXY);
  }
}
