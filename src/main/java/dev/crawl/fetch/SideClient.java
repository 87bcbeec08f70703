package dev.crawl.fetch;

import dev.crawl.fetch.transport.jdk.JdkTransport;
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
    return JdkTransport.builder(Fetcher.transportSettings(settings, null))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }
}
