package dev.crawl.engine;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import java.nio.file.Path;
import wiremock.org.eclipse.jetty.http2.server.AbstractHTTP2ServerConnectionFactory;
import wiremock.org.eclipse.jetty.server.Connector;
import wiremock.org.eclipse.jetty.server.Server;

/**
 * A WireMock HTTPS server whose HTTP/2 connections announce a small SETTINGS_MAX_CONCURRENT_STREAMS,
 * as busy production servers do (nginx: 128, many CDNs: 100). WireMock has no option for it; its
 * server factory is the extension point, and the limit is set on Jetty's HTTP/2 factory.
 */
final class StreamLimitedServer {
  private StreamLimitedServer() {}

  static WireMockServer start(Path keystore, int maxStreams) {
    WireMockServer wm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").httpDisabled(true)
        .dynamicHttpsPort().keystorePath(keystore.toString()).keystoreType("PKCS12")
        .keystorePassword(TestCertificates.PASSWORD).keyManagerPassword(TestCertificates.PASSWORD)
        .containerThreads(64)
        .httpServerFactory((options, admin, stubs) -> new Limited(options, admin, stubs, maxStreams)));
    wm.start();
    return wm;
  }

  private static final class Limited extends Jetty11HttpServer {
    private final int maxStreams;

    Limited(Options options, AdminRequestHandler admin, StubRequestHandler stubs, int maxStreams) {
      super(options, admin, stubs);
      this.maxStreams = maxStreams;
      applyLimit();
    }

    private Server jetty;

    @Override
    protected void applyAdditionalServerConfiguration(Server server, Options options) {
      jetty = server;
    }

    private void applyLimit() {
      for (Connector c : jetty.getConnectors()) {
        for (var factory : c.getConnectionFactories()) {
          if (factory instanceof AbstractHTTP2ServerConnectionFactory h2) {
            h2.setMaxConcurrentStreams(maxStreams);
          }
        }
      }
    }
  }
}
