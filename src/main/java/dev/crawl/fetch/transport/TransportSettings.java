package dev.crawl.fetch.transport;

import dev.crawl.fetch.net.Proxies;
import dev.crawl.fetch.tls.TlsOptions;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * What a transport needs of the run's settings.
 *
 * @param executor where the JDK client runs, and where work leaves the transport's own threads
 */
public record TransportSettings(Duration connectTimeout, TlsOptions tls, Proxies proxies, ExecutorService executor) {}
