package dev.crawl.fetch;

import dev.crawl.archive.WarcOptions;
import dev.crawl.fetch.auth.Credentials;
import dev.crawl.fetch.net.Proxies;
import dev.crawl.fetch.tls.TlsOptions;
import java.time.Duration;
import java.util.List;

/**
 * Every knob of one download, the same for all modes (the worker processes receive a copy).
 *
 * @param responseTimeout the wait for response headers (all the JDK's own timeout covers)
 * @param idleTimeout the longest silence while reading a body, and the window {@code minRate} is
 *     measured over
 * @param minRate the fewest bytes per second a body may arrive at, on average over each idle
 *     window (curl's speed limit); zero for no limit
 * @param totalTimeout the most one attempt may take, body included; zero for no limit
 * @param retries how many times a connection error, timeout, 429 or 5xx is tried again
 * @param timeoutRetries of those, how many may follow a silent server (a timeout of any kind, a body
 *     below {@code minRate}): each costs a full timeout, so it is bounded apart
 * @param retryDelay the first backoff, doubled for each further retry
 * @param maxRetryWait the cap on any wait, Retry-After included
 * @param maxBytes the largest body kept (after decoding); zero for no limit
 * @param perHost downloads in flight to one host; zero for no limit beyond the concurrency
 * @param rate requests per second to one host; zero for no limit
 * @param caCertificate a PEM file of CA certificates trusted besides the JDK's, or null
 * @param insecure no certificate checks at all ({@code --insecure})
 * @param http11 HTTP/1.1 only, never HTTP/2 ({@code --http1.1})
 * @param headers request headers users added ({@code -H}), as {@code Name: value}, checked by {@link RequestHeaders}
 * @param clientCertificate a PEM file with the certificate (chain) to present to servers that ask, or null
 * @param clientKey a PEM file with that certificate's private key; null when it sits in {@code clientCertificate}
 * @param proxy the proxy every request goes through ({@code http://host:port}), or null for none
 * @param noProxy hosts and domains reached directly despite {@code proxy} ({@code no_proxy})
 * @param cookies a cookie jar for the run: cookies servers set are sent back to them
 * @param loadCookies a Netscape cookies.txt file the jar starts from, or null
 * @param credentials basic-auth credentials from {@code --user}, or null
 * @param netrcFile a .netrc file to take credentials from per host, or null
 * @param saveCookies where the run's cookie jar is written when it ends (by the parent alone), or null
 * @param continuePartials continue the body a cut download kept ({@code -C}) with a range request,
 *     rather than start over
 * @param warc where every exchange is archived ({@code --warc}), or null
 * @param transport what moves the bytes ({@code --transport})
 */
public record FetchSettings(
    Duration connectTimeout,
    Duration responseTimeout,
    Duration idleTimeout,
    long minRate,
    Duration totalTimeout,
    int retries,
    int timeoutRetries,
    Duration retryDelay,
    Duration maxRetryWait,
    int maxRedirects,
    long maxBytes,
    int perHost,
    double rate,
    String userAgent,
    String caCertificate,
    boolean insecure,
    boolean http11,
    List<String> headers,
    String clientCertificate,
    String clientKey,
    Proxies proxies,
    boolean cookies,
    String loadCookies,
    Credentials credentials,
    String netrcFile,
    String saveCookies,
    boolean continuePartials,
    WarcOptions warc,
    TransportKind transport) {

  /** The TLS part of the settings. */
  public TlsOptions tls() {
    return new TlsOptions(caCertificate, insecure, clientCertificate, clientKey);
  }

  public static final String VERSION = "0.4.0";
  public static final String DEFAULT_USER_AGENT =
      "crawl/" + VERSION + " (+https://github.com/crawl-dev/crawl)";

  public FetchSettings {
    headers = List.copyOf(headers);
  }

  /** Politeness by default: a host sees at most this many of our downloads at once. */
  public static final int DEFAULT_PER_HOST = 8;

  /**
   * The one place defaults live: the command line shows and applies these, the tests start from
   * them, and the workers receive a copy of whatever the run settled on.
   */
  public static final FetchSettings DEFAULTS = new FetchSettings(
      Duration.ofSeconds(10),
      Duration.ofSeconds(15),
      Duration.ofSeconds(15),
      1024,
      Duration.ZERO,
      2,
      1,
      Duration.ofMillis(250),
      Duration.ofSeconds(30),
      10,
      0,
      DEFAULT_PER_HOST,
      0,
      DEFAULT_USER_AGENT,
      null,
      false,
      false,
      List.of(),
      null,
      null,
      Proxies.NONE,
      true,
      null,
      null,
      null,
      null,
      false,
      null,
      TransportKind.NETTY);

  public FetchSettings withConnectTimeout(Duration v) {
    return new FetchSettings(v, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withResponseTimeout(Duration v) {
    return new FetchSettings(connectTimeout, v, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withIdleTimeout(Duration v) {
    return new FetchSettings(connectTimeout, responseTimeout, v, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withMinRate(long v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, v, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withTotalTimeout(Duration v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, v, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withRetries(int v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, v,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withTimeoutRetries(int v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        v, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withRetryDelay(Duration v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, v, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withMaxRetryWait(Duration v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, v, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withMaxRedirects(int v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, v, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withMaxBytes(long v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, v, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withPerHost(int v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, v,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withRate(double v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        v, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withUserAgent(String v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, v, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withCaCertificate(String v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, v, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withInsecure(boolean v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, v, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withHttp11(boolean v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, v, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withHeaders(List<String> v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, v,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withClientCertificate(String v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        v, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withClientKey(String v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, v, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withProxies(Proxies v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, v, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withCookies(boolean v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, v, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withLoadCookies(String v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, v, credentials,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withCredentials(Credentials v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, v,
        netrcFile, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withNetrcFile(String v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        v, saveCookies, continuePartials, warc, transport);
  }

  public FetchSettings withSaveCookies(String v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, v, continuePartials, warc, transport);
  }

  /**
   * The longest one dead URL can hold a run, all attempts included: a server that sends headers
   * just before the response timeout and then nothing (or too little), on every attempt a timeout
   * allows. A server that never answers at all is given up after {@link #silentUrlGivenUpAfter}.
   */
  public Duration deadUrlWorstCase() {
    Duration attempt = responseTimeout.plus(idleTimeout);
    if (!totalTimeout.isZero() && totalTimeout.compareTo(attempt) < 0) {
      attempt = totalTimeout;
    }
    return attempt.multipliedBy(1 + Math.min(retries, timeoutRetries));
  }

  /** How long a server that accepts the connection and never answers holds a URL, all attempts included. */
  public Duration silentUrlGivenUpAfter() {
    Duration attempt = !totalTimeout.isZero() && totalTimeout.compareTo(responseTimeout) < 0 ? totalTimeout : responseTimeout;
    return attempt.multipliedBy(1 + Math.min(retries, timeoutRetries));
  }

  public FetchSettings withContinuePartials(boolean v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, v, warc, transport);
  }

  public FetchSettings withWarc(WarcOptions v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, v, transport);
  }
  public FetchSettings withTransport(TransportKind v) {
    return new FetchSettings(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout, retries,
        timeoutRetries, retryDelay, maxRetryWait, maxRedirects, maxBytes, perHost,
        rate, userAgent, caCertificate, insecure, http11, headers,
        clientCertificate, clientKey, proxies, cookies, loadCookies, credentials,
        netrcFile, saveCookies, continuePartials, warc, v);
  }

}
