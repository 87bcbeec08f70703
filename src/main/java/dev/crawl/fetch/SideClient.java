package dev.crawl.fetch;

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
    return HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .sslContext(Tls.context(settings))
        .proxy(settings.proxies().any() ? settings.proxies().selector() : HttpClient.Builder.NO_PROXY)
        .build();
  }
}
