package dev.crawl.fetch;

import dev.crawl.archive.WarcOptions;
import dev.crawl.core.UrlBound;
import dev.crawl.fetch.auth.Credentials;
import dev.crawl.fetch.net.Proxies;
import dev.crawl.fetch.tls.TlsOptions;
import java.time.Duration;
import java.util.List;

/**
 * Every knob of one download, the same for all modes (the worker processes receive a copy), in
 * groups: a new option touches its group, the accessor here and its use.
 *
 * @param timeouts how long each step may take
 * @param retry when a failed attempt is tried again
 * @param limits redirects, body size, per-host concurrency and rate
 * @param request User-Agent, added headers, HTTP version
 * @param tls certificates trusted and shown
 * @param network proxies and transport
 * @param auth credentials
 * @param cookieJar the cookie jar
 * @param continuePartials continue the body a cut download kept ({@code -C}) with a range
 *     request, rather than start over
 * @param warc where every exchange is archived ({@code --warc}), or null
 */
public record FetchSettings(
    Timeouts timeouts,
    RetryPolicy retry,
    Limits limits,
    RequestOptions request,
    TlsOptions tls,
    Network network,
    AuthOptions auth,
    CookieOptions cookieJar,
    boolean continuePartials,
    WarcOptions warc) {

  public static final String VERSION = "0.4.0";
  public static final String DEFAULT_USER_AGENT =
      "crawl/" + VERSION + " (+https://github.com/crawl-dev/crawl)";

  /** Politeness by default: a host sees at most this many of our downloads at once. */
  public static final int DEFAULT_PER_HOST = 8;

  /**
   * The most a content-coded body may decode to when no {@code --max-size} is given: Scrapy's
   * {@code DOWNLOAD_MAXSIZE}. A body sent as it is (an ISO) is never limited by default; one that
   * the server compressed can decode to a thousand times what was sent (a decompression bomb).
   */
  public static final long DEFAULT_MAX_DECODED = 1L << 30;


  /**
   * The one place defaults live: the command line shows and applies these, the tests start from
   * them, and the workers receive a copy of whatever the run settled on.
   */
  public static final FetchSettings DEFAULTS = new FetchSettings(
      new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(15), 1024, Duration.ZERO),
      new RetryPolicy(2, 1, Duration.ofMillis(250), Duration.ofSeconds(30)),
      new Limits(10, 0, DEFAULT_MAX_DECODED, UrlBound.DEFAULT, DEFAULT_PER_HOST, 0),
      new RequestOptions(DEFAULT_USER_AGENT, List.of(), false),
      new TlsOptions(null, false, null, null),
      new Network(Proxies.NONE, TransportKind.NETTY),
      new AuthOptions(null, null),
      new CookieOptions(true, null, null),
      false,
      null);

  /**
   * How long each step of a download may take.
   *
   * @param connectTimeout the wait for a connection
   * @param responseTimeout the wait for response headers (all the JDK's own timeout covers)
   * @param idleTimeout the longest silence while reading a body, and the window {@code minRate} is
   *     measured over
   * @param minRate the fewest bytes per second a body may arrive at, on average over each idle
   *     window (curl's speed limit); zero for no limit
   * @param totalTimeout the most one attempt may take, body included; zero for no limit
   */
  public record Timeouts(
      Duration connectTimeout, Duration responseTimeout, Duration idleTimeout, long minRate, Duration totalTimeout) {}

  /**
   * When a failed attempt is tried again, and how long it waits.
   *
   * @param retries how many times a connection error, timeout, 429 or 5xx is tried again
   * @param timeoutRetries of those, how many may follow a silent server (a timeout of any kind, a body
   *     below {@code minRate}): each costs a full timeout, so it is bounded apart
   * @param retryDelay the first backoff, doubled for each further retry
   * @param maxRetryWait the cap on any wait, Retry-After included
   */
  public record RetryPolicy(int retries, int timeoutRetries, Duration retryDelay, Duration maxRetryWait) {}

  /**
   * What a download and a host may take.
   *
   * @param maxRedirects the longest redirect chain followed
   * @param maxBytes the largest body kept (after decoding); zero for no limit
   * @param maxDecoded the largest a content-coded body may decode to when {@code maxBytes} is zero;
   *     zero for no limit
   * @param maxUrlLength the longest URL a redirect may lead to
   * @param perHost downloads in flight to one host; zero for no limit beyond the concurrency
   * @param rate requests per second to one host; zero for no limit
   */
  public record Limits(int maxRedirects, long maxBytes, long maxDecoded, int maxUrlLength, int perHost, double rate) {}

  /**
   * What every request says of itself.
   *
   * @param userAgent the User-Agent header
   * @param headers request headers users added ({@code -H}), as {@code Name: value}, checked by
   *     {@link dev.crawl.fetch.http.RequestHeaders}
   * @param http11 HTTP/1.1 only, never HTTP/2 ({@code --http1.1})
   */
  public record RequestOptions(String userAgent, List<String> headers, boolean http11) {
    public RequestOptions {
      headers = List.copyOf(headers);
    }
  }

  /**
   * How requests reach servers.
   *
   * @param proxies the proxies requests go through, and the hosts reached directly
   * @param transport what moves the bytes ({@code --transport})
   */
  public record Network(Proxies proxies, TransportKind transport) {}

  /**
   * Where credentials come from.
   *
   * @param credentials basic-auth credentials from {@code --user}, or null
   * @param netrcFile a .netrc file to take credentials from per host, or null
   */
  public record AuthOptions(Credentials credentials, String netrcFile) {}

  /**
   * The run's cookie jar.
   *
   * @param cookies keep a jar: cookies servers set are sent back to them
   * @param loadCookies a Netscape cookies.txt file the jar starts from, or null
   * @param saveCookies where the jar is written when the run ends (by the parent alone), or null
   */
  public record CookieOptions(boolean cookies, String loadCookies, String saveCookies) {}

  public Duration connectTimeout() {
    return timeouts.connectTimeout();
  }

  public Duration responseTimeout() {
    return timeouts.responseTimeout();
  }

  public Duration idleTimeout() {
    return timeouts.idleTimeout();
  }

  public long minRate() {
    return timeouts.minRate();
  }

  public Duration totalTimeout() {
    return timeouts.totalTimeout();
  }

  public int retries() {
    return retry.retries();
  }

  public int timeoutRetries() {
    return retry.timeoutRetries();
  }

  public Duration retryDelay() {
    return retry.retryDelay();
  }

  public Duration maxRetryWait() {
    return retry.maxRetryWait();
  }

  public int maxRedirects() {
    return limits.maxRedirects();
  }

  public long maxBytes() {
    return limits.maxBytes();
  }

  public long maxDecoded() {
    return limits.maxDecoded();
  }

  public int maxUrlLength() {
    return limits.maxUrlLength();
  }

  public int perHost() {
    return limits.perHost();
  }

  public double rate() {
    return limits.rate();
  }

  public String userAgent() {
    return request.userAgent();
  }

  public List<String> headers() {
    return request.headers();
  }

  public boolean http11() {
    return request.http11();
  }

  public String caCertificate() {
    return tls.caCertificate();
  }

  public boolean insecure() {
    return tls.insecure();
  }

  public String clientCertificate() {
    return tls.clientCertificate();
  }

  public String clientKey() {
    return tls.clientKey();
  }

  public Proxies proxies() {
    return network.proxies();
  }

  public TransportKind transport() {
    return network.transport();
  }

  public Credentials credentials() {
    return auth.credentials();
  }

  public String netrcFile() {
    return auth.netrcFile();
  }

  public boolean cookies() {
    return cookieJar.cookies();
  }

  public String loadCookies() {
    return cookieJar.loadCookies();
  }

  public String saveCookies() {
    return cookieJar.saveCookies();
  }

  public FetchSettings withTimeouts(Timeouts v) {
    return new FetchSettings(v, retry, limits, request, tls, network, auth, cookieJar, continuePartials, warc);
  }

  public FetchSettings withRetry(RetryPolicy v) {
    return new FetchSettings(timeouts, v, limits, request, tls, network, auth, cookieJar, continuePartials, warc);
  }

  public FetchSettings withLimits(Limits v) {
    return new FetchSettings(timeouts, retry, v, request, tls, network, auth, cookieJar, continuePartials, warc);
  }

  public FetchSettings withRequest(RequestOptions v) {
    return new FetchSettings(timeouts, retry, limits, v, tls, network, auth, cookieJar, continuePartials, warc);
  }

  public FetchSettings withTls(TlsOptions v) {
    return new FetchSettings(timeouts, retry, limits, request, v, network, auth, cookieJar, continuePartials, warc);
  }

  public FetchSettings withNetwork(Network v) {
    return new FetchSettings(timeouts, retry, limits, request, tls, v, auth, cookieJar, continuePartials, warc);
  }

  public FetchSettings withAuth(AuthOptions v) {
    return new FetchSettings(timeouts, retry, limits, request, tls, network, v, cookieJar, continuePartials, warc);
  }

  public FetchSettings withCookieJar(CookieOptions v) {
    return new FetchSettings(timeouts, retry, limits, request, tls, network, auth, v, continuePartials, warc);
  }

  public FetchSettings withContinuePartials(boolean v) {
    return new FetchSettings(timeouts, retry, limits, request, tls, network, auth, cookieJar, v, warc);
  }

  public FetchSettings withWarc(WarcOptions v) {
    return new FetchSettings(timeouts, retry, limits, request, tls, network, auth, cookieJar, continuePartials, v);
  }

  public FetchSettings withConnectTimeout(Duration v) {
    return withTimeouts(new Timeouts(v, timeouts.responseTimeout(), timeouts.idleTimeout(), timeouts.minRate(), timeouts.totalTimeout()));
  }

  public FetchSettings withResponseTimeout(Duration v) {
    return withTimeouts(new Timeouts(timeouts.connectTimeout(), v, timeouts.idleTimeout(), timeouts.minRate(), timeouts.totalTimeout()));
  }

  public FetchSettings withIdleTimeout(Duration v) {
    return withTimeouts(new Timeouts(timeouts.connectTimeout(), timeouts.responseTimeout(), v, timeouts.minRate(), timeouts.totalTimeout()));
  }

  public FetchSettings withMinRate(long v) {
    return withTimeouts(new Timeouts(timeouts.connectTimeout(), timeouts.responseTimeout(), timeouts.idleTimeout(), v, timeouts.totalTimeout()));
  }

  public FetchSettings withTotalTimeout(Duration v) {
    return withTimeouts(new Timeouts(timeouts.connectTimeout(), timeouts.responseTimeout(), timeouts.idleTimeout(), timeouts.minRate(), v));
  }

  public FetchSettings withRetries(int v) {
    return withRetry(new RetryPolicy(v, retry.timeoutRetries(), retry.retryDelay(), retry.maxRetryWait()));
  }

  public FetchSettings withTimeoutRetries(int v) {
    return withRetry(new RetryPolicy(retry.retries(), v, retry.retryDelay(), retry.maxRetryWait()));
  }

  public FetchSettings withRetryDelay(Duration v) {
    return withRetry(new RetryPolicy(retry.retries(), retry.timeoutRetries(), v, retry.maxRetryWait()));
  }

  public FetchSettings withMaxRetryWait(Duration v) {
    return withRetry(new RetryPolicy(retry.retries(), retry.timeoutRetries(), retry.retryDelay(), v));
  }

  public FetchSettings withMaxRedirects(int v) {
    return withLimits(new Limits(v, limits.maxBytes(), limits.maxDecoded(), limits.maxUrlLength(), limits.perHost(), limits.rate()));
  }

  public FetchSettings withMaxBytes(long v) {
    return withLimits(new Limits(limits.maxRedirects(), v, limits.maxDecoded(), limits.maxUrlLength(), limits.perHost(), limits.rate()));
  }

  public FetchSettings withMaxDecoded(long v) {
    return withLimits(new Limits(limits.maxRedirects(), limits.maxBytes(), v, limits.maxUrlLength(), limits.perHost(), limits.rate()));
  }

  public FetchSettings withMaxUrlLength(int v) {
    return withLimits(new Limits(limits.maxRedirects(), limits.maxBytes(), limits.maxDecoded(), v, limits.perHost(), limits.rate()));
  }

  public FetchSettings withPerHost(int v) {
    return withLimits(new Limits(limits.maxRedirects(), limits.maxBytes(), limits.maxDecoded(), limits.maxUrlLength(), v, limits.rate()));
  }

  public FetchSettings withRate(double v) {
    return withLimits(new Limits(limits.maxRedirects(), limits.maxBytes(), limits.maxDecoded(), limits.maxUrlLength(), limits.perHost(), v));
  }

  public FetchSettings withUserAgent(String v) {
    return withRequest(new RequestOptions(v, request.headers(), request.http11()));
  }

  public FetchSettings withHeaders(List<String> v) {
    return withRequest(new RequestOptions(request.userAgent(), v, request.http11()));
  }

  public FetchSettings withHttp11(boolean v) {
    return withRequest(new RequestOptions(request.userAgent(), request.headers(), v));
  }

  public FetchSettings withCaCertificate(String v) {
    return withTls(new TlsOptions(v, tls.insecure(), tls.clientCertificate(), tls.clientKey()));
  }

  public FetchSettings withInsecure(boolean v) {
    return withTls(new TlsOptions(tls.caCertificate(), v, tls.clientCertificate(), tls.clientKey()));
  }

  public FetchSettings withClientCertificate(String v) {
    return withTls(new TlsOptions(tls.caCertificate(), tls.insecure(), v, tls.clientKey()));
  }

  public FetchSettings withClientKey(String v) {
    return withTls(new TlsOptions(tls.caCertificate(), tls.insecure(), tls.clientCertificate(), v));
  }

  public FetchSettings withProxies(Proxies v) {
    return withNetwork(new Network(v, network.transport()));
  }

  public FetchSettings withTransport(TransportKind v) {
    return withNetwork(new Network(network.proxies(), v));
  }

  public FetchSettings withCredentials(Credentials v) {
    return withAuth(new AuthOptions(v, auth.netrcFile()));
  }

  public FetchSettings withNetrcFile(String v) {
    return withAuth(new AuthOptions(auth.credentials(), v));
  }

  public FetchSettings withCookies(boolean v) {
    return withCookieJar(new CookieOptions(v, cookieJar.loadCookies(), cookieJar.saveCookies()));
  }

  public FetchSettings withLoadCookies(String v) {
    return withCookieJar(new CookieOptions(cookieJar.cookies(), v, cookieJar.saveCookies()));
  }

  public FetchSettings withSaveCookies(String v) {
    return withCookieJar(new CookieOptions(cookieJar.cookies(), cookieJar.loadCookies(), v));
  }

  /**
   * The longest one dead URL can hold a run, all attempts included: a server that sends headers
   * just before the response timeout and then nothing (or too little), on every attempt a timeout
   * allows. A server that never answers at all is given up after {@link #silentUrlGivenUpAfter}.
   */
  public Duration deadUrlWorstCase() {
    Duration attempt = responseTimeout().plus(idleTimeout());
    if (!totalTimeout().isZero() && totalTimeout().compareTo(attempt) < 0) {
      attempt = totalTimeout();
    }
    return attempt.multipliedBy(1 + Math.min(retries(), timeoutRetries()));
  }

  /** How long a server that accepts the connection and never answers holds a URL, all attempts included. */
  public Duration silentUrlGivenUpAfter() {
    Duration attempt = !totalTimeout().isZero() && totalTimeout().compareTo(responseTimeout()) < 0
        ? totalTimeout() : responseTimeout();
    return attempt.multipliedBy(1 + Math.min(retries(), timeoutRetries()));
  }
}
