package dev.crawl.cli;

import dev.crawl.core.UrlBound;
import dev.crawl.fetch.FetchSettings;
import dev.crawl.fetch.TransportKind;
import dev.crawl.fetch.auth.Credentials;
import dev.crawl.fetch.auth.Netrc;
import dev.crawl.fetch.cookie.CookieJar;
import dev.crawl.fetch.http.Printable;
import dev.crawl.fetch.http.RequestHeaders;
import dev.crawl.fetch.net.Proxies;
import dev.crawl.fetch.tls.ClientIdentity;
import dev.crawl.fetch.tls.Tls;
import dev.crawl.fetch.tls.TlsOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The download options every command that fetches shares; their defaults come from {@link FetchDefaults}. */
final class FetchOptions {
  @Option(
      names = "--connect-timeout",
      paramLabel = "TIME",
      converter = Converters.DurationConverter.class,
      description = "Give up connecting after TIME (default: ${DEFAULT-VALUE}).")
  Duration connectTimeout;

  @Option(
      names = "--response-timeout",
      paramLabel = "TIME",
      converter = Converters.DurationConverter.class,
      description = "Give up waiting for response headers after TIME (default: ${DEFAULT-VALUE}).")
  Duration responseTimeout;

  @Option(
      names = "--idle-timeout",
      paramLabel = "TIME",
      converter = Converters.DurationConverter.class,
      description = "Give up when a body sends nothing for TIME (default: ${DEFAULT-VALUE}).")
  Duration idleTimeout;

  @Option(
      names = "--min-rate",
      paramLabel = "SIZE",
      converter = Converters.SizeConverter.class,
      description = "Give up a body that arrives slower than SIZE per second over an --idle-timeout window; 0 = no limit (default: ${DEFAULT-VALUE}).")
  long minRate;

  @Option(
      names = "--max-time",
      paramLabel = "TIME",
      converter = Converters.DurationConverter.class,
      description = "Give up an attempt that takes longer than TIME in all; 0 = no limit (default: ${DEFAULT-VALUE}).")
  Duration totalTimeout;

  @Option(
      names = "--retries",
      paramLabel = "N",
      description =
          "Retry connection errors, timeouts, 408, 429 and 5xx up to N times; never a rejected certificate, an"
              + " unknown host, a refused redirect or another 4xx (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(
      names = "--timeout-retries",
      paramLabel = "N",
      description =
          "Of those retries, at most N after a silent server (a timeout, a body below --min-rate), at once:"
              + " each has already waited a full timeout (default: ${DEFAULT-VALUE}).")
  int timeoutRetries;

  @Option(
      names = "--retry-delay",
      paramLabel = "TIME",
      converter = Converters.DurationConverter.class,
      description = "First backoff, doubled per retry; Retry-After wins when sent (default: ${DEFAULT-VALUE}).")
  Duration retryDelay;

  @Option(
      names = "--max-retry-wait",
      paramLabel = "TIME",
      converter = Converters.DurationConverter.class,
      description = "Longest wait before a retry, Retry-After included (default: ${DEFAULT-VALUE}).")
  Duration maxRetryWait;

  @Option(
      names = "--max-redirects",
      paramLabel = "N",
      description = "Follow at most N redirects (default: ${DEFAULT-VALUE}).")
  int maxRedirects;

  @Option(
      names = "--max-size",
      paramLabel = "SIZE",
      converter = Converters.SizeConverter.class,
      description = "Abort bodies larger than SIZE, e.g. 50M; 0 = no limit (default: ${DEFAULT-VALUE}).")
  long maxBytes;

  @Option(
      names = "--max-decoded",
      paramLabel = "SIZE",
      converter = Converters.SizeConverter.class,
      description = "Without --max-size, abort a compressed body (any Content-Encoding) that decodes to more than SIZE:"
          + " a decompression bomb; 0 = no limit (default: ${DEFAULT-VALUE}). Bodies sent uncompressed are not limited.")
  long maxDecoded;

  @Option(
      names = "--per-host",
      paramLabel = "N",
      description = "At most N downloads in flight per host; 0 = only --concurrency limits"
          + " (default: " + FetchSettings.DEFAULT_PER_HOST + "; for compare and demo: the concurrency).")
  Integer perHost;

  @Option(
      names = "--rate",
      paramLabel = "N",
      description = "At most N requests per second to one host, evenly spaced; 0 = no limit (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = {"-H", "--header"},
      paramLabel = "'NAME: VALUE'",
      description = "Send this header with every request (repeatable); replaces a default such as User-Agent."
          + " Authorization and Cookie given here are not sent after a redirect to another server.")
  List<String> headers = new ArrayList<>();

  @Option(names = "--http1.1", description = "Speak HTTP/1.1 only; by default HTTPS offers HTTP/2 and takes what the server picks.")
  boolean http11;

  @Option(
      names = "--transport",
      paramLabel = "NAME",
      description = "What moves the bytes: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); jdk is the JDK's HttpClient, the reference.")
  TransportKind transport;

  @Option(
      names = "--ca-certificate",
      paramLabel = "FILE",
      description = "Trust the CA certificates in FILE (PEM, one or more) besides the system's, for HTTPS servers with their own CA.")
  Path caCertificate;

  @Option(
      names = {"--client-certificate", "--certificate"},
      paramLabel = "FILE",
      description = "Show this certificate (PEM; its chain may follow) to servers that ask for one (mutual TLS).")
  Path clientCertificate;

  @Option(
      names = {"--client-key", "--private-key"},
      paramLabel = "FILE",
      description = "The private key of --client-certificate (PEM, unencrypted); not needed when it sits in that file.")
  Path clientKey;

  @Option(
      names = {"--insecure", "--no-check-certificate"},
      description = "Check no certificate at all (expired, self-signed, another host's): anyone on the path can read and change what is saved.")
  boolean insecure;

  @Option(
      names = "--load-cookies",
      paramLabel = "FILE",
      description = "Start the run's cookie jar from FILE (Netscape cookies.txt, as curl, wget and browser exporters write it).")
  Path loadCookies;

  @Option(
      names = "--save-cookies",
      paramLabel = "FILE",
      description = "Write the run's cookies to FILE when it ends (Netscape cookies.txt), session cookies included.")
  Path saveCookies;

  @Option(
      names = "--no-cookies",
      description = "Keep no cookies: by default cookies servers set are sent back to them for the rest of the run.")
  boolean noCookies;

  @Option(
      names = {"-x", "--proxy"},
      paramLabel = "URL",
      description = "Send every request through this HTTP proxy (http://[USER:PASSWORD@]HOST:PORT; HTTPS through CONNECT);"
          + " '' for none. Default: http_proxy, https_proxy and all_proxy from the environment.")
  String proxy;

  @Option(
      names = "--noproxy",
      paramLabel = "HOSTS",
      description = "Reach these hosts and domains directly (comma-separated; * for all). Default: no_proxy from the environment.")
  String noProxy;

  @Option(
      names = {"-u", "--user"},
      paramLabel = "NAME[:PASSWORD]",
      description = "Basic-auth credentials for the servers of the listed URLs, never sent after a redirect to another;"
          + " without :PASSWORD it is asked for on the terminal.")
  String user;

  @Option(names = "--netrc", description = "Take credentials per host from ~/.netrc.")
  boolean netrc;

  @Option(names = "--netrc-file", paramLabel = "FILE", description = "Take credentials per host from FILE (.netrc format).")
  Path netrcFile;

  @Option(
      names = {"-A", "--user-agent"},
      paramLabel = "TEXT",
      description = "User-Agent header (default: crawl/VERSION).")
  String userAgent;

  FetchSettings settings() {
    return settings(FetchSettings.DEFAULTS.perHost());
  }

  /**
   * @param perHostDefault the cap when {@code --per-host} is not given; comparisons use the
   *     concurrency, since comparing concurrency against one host is their point
   */
  FetchSettings settings(int perHostDefault) {
    int cap = perHost == null ? perHostDefault : perHost;
    if (retries < 0 || timeoutRetries < 0 || maxRedirects < 0 || cap < 0 || maxBytes < 0 || maxDecoded < 0 || minRate < 0
        || rate < 0) {
      throw new ExitException(ExitException.USAGE,
          "--retries, --timeout-retries, --max-redirects, --per-host, --max-size, --max-decoded, --min-rate and --rate cannot be negative");
    }
    checkClientIdentity();
    return new FetchSettings(
        new FetchSettings.Timeouts(connectTimeout, responseTimeout, idleTimeout, minRate, totalTimeout),
        new FetchSettings.RetryPolicy(retries, timeoutRetries, retryDelay, maxRetryWait),
        new FetchSettings.Limits(maxRedirects, maxBytes, maxDecoded, UrlBound.DEFAULT, cap, rate),
        new FetchSettings.RequestOptions(userAgent, headers(), http11),
        new TlsOptions(caCertificate(), insecure,
            clientCertificate == null ? null : clientCertificate.toAbsolutePath().toString(),
            clientKey == null ? null : clientKey.toAbsolutePath().toString()),
        new FetchSettings.Network(proxies(), transport),
        new FetchSettings.AuthOptions(credentials(), netrcFile()),
        new FetchSettings.CookieOptions(!noCookies, loadCookies(),
            saveCookies == null ? null : saveCookies.toAbsolutePath().toString()),
        // -C belongs to crawl's own options, beside --resume and -N; --warc too
        false,
        null);
  }

  private List<String> headers() {
    for (String h : headers) {
      String problem = RequestHeaders.problem(h);
      if (problem != null) {
        throw new ExitException(ExitException.USAGE, "-H " + Printable.oneLine(h, 80) + ": " + problem);
      }
    }
    return headers;
  }

  /** The CA file, read once here so that a bad one is a usage error before anything starts. */
  private String caCertificate() {
    if (caCertificate == null) {
      return null;
    }
    try {
      Tls.readCertificates(caCertificate);
    } catch (IOException e) {
      throw new ExitException(ExitException.USAGE, "--ca-certificate: " + e.getMessage(), e);
    }
    return caCertificate.toAbsolutePath().toString();
  }

  /** The cookie file to start from, read once here so that a broken one is a usage error. */
  private String loadCookies() {
    if (loadCookies == null) {
      return null;
    }
    if (noCookies) {
      throw new ExitException(ExitException.USAGE, "--load-cookies and --no-cookies contradict each other");
    }
    try {
      new CookieJar().load(loadCookies);
    } catch (IOException e) {
      throw new ExitException(ExitException.USAGE, "--load-cookies: " + e.getMessage(), e);
    }
    return loadCookies.toAbsolutePath().toString();
  }

  /** The proxies from the options or the environment, each checked so that a bad one is a usage error. */
  private Proxies proxies() {
    Proxies p = Proxies.choose(proxy, noProxy, System.getenv());
    for (String each : new String[] {p.http(), p.https()}) {
      String problem = each == null ? null : Proxies.problem(each);
      if (problem != null) {
        String from = proxy != null ? "--proxy" : "the proxy from the environment (http_proxy, https_proxy, all_proxy)";
        throw new ExitException(ExitException.USAGE, from + ": " + problem);
      }
    }
    return p;
  }

  /** {@code --user}, with the password asked for when it was left out, as curl does. */
  private Credentials credentials() {
    if (user == null) {
      return null;
    }
    Credentials c = Credentials.parse(user);
    if (c != null) {
      return c;
    }
    java.io.Console console = System.console();
    if (console == null) {
      throw new ExitException(ExitException.USAGE, "--user " + user + ": give NAME:PASSWORD (there is no terminal to ask for the password)");
    }
    char[] password = console.readPassword("Password for %s: ", user);
    return new Credentials(user, password == null ? "" : new String(password));
  }

  /** The .netrc to read, checked here so that a broken one is a usage error before anything starts. */
  private String netrcFile() {
    Path file = netrcFile != null ? netrcFile
        : netrc ? Path.of(System.getProperty("user.home"), ".netrc") : null;
    if (file == null) {
      return null;
    }
    try {
      Netrc.read(file);
    } catch (IOException e) {
      throw new ExitException(ExitException.USAGE, (netrcFile != null ? "--netrc-file: " : "--netrc: ") + e.getMessage(), e);
    }
    return file.toAbsolutePath().toString();
  }

  /** The client certificate and key, read once here so that a bad pair is a usage error. */
  private void checkClientIdentity() {
    if (clientCertificate == null) {
      if (clientKey != null) {
        throw new ExitException(ExitException.USAGE, "--client-key needs --client-certificate");
      }
      return;
    }
    try {
      ClientIdentity.read(clientCertificate.toString(), clientKey == null ? null : clientKey.toString());
    } catch (IOException e) {
      throw new ExitException(ExitException.USAGE, "--client-certificate: " + e.getMessage(), e);
    }
  }

  /** One line on stderr when certificates will not be checked, so it is never a silent choice. */
  void warn(PrintStream err) {
    if (insecure) {
      err.println("crawl: --insecure: certificates are not checked; anyone on the path can read and change what is saved");
    }
  }
}
