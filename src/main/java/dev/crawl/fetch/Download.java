package dev.crawl.fetch;

import dev.crawl.archive.Capture;
import dev.crawl.archive.HttpHeads;
import dev.crawl.archive.RawCopy;
import dev.crawl.core.Discovered;
import dev.crawl.core.FetchResult;
import dev.crawl.core.FetchTimings;
import dev.crawl.core.StatusPhrase;
import dev.crawl.core.Task;
import dev.crawl.core.UrlResult;
import dev.crawl.core.Validators;
import dev.crawl.fetch.auth.Credentials;
import dev.crawl.fetch.body.BodyDecoder;
import dev.crawl.fetch.body.BodyReader;
import dev.crawl.fetch.body.ContentCodings;
import dev.crawl.fetch.body.Crc;
import dev.crawl.fetch.http.ContentRange;
import dev.crawl.fetch.http.FetchException;
import dev.crawl.fetch.http.Framing;
import dev.crawl.fetch.http.HttpDates;
import dev.crawl.fetch.http.Printable;
import dev.crawl.fetch.http.ProtocolErrors;
import dev.crawl.fetch.http.RequestHeaders;
import dev.crawl.fetch.http.RetryAfter;
import dev.crawl.fetch.net.Proxies;
import dev.crawl.fetch.tls.Tls;
import dev.crawl.fetch.transport.Head;
import dev.crawl.fetch.transport.Receiver;
import dev.crawl.fetch.transport.Request;
import dev.crawl.store.Partials;
import dev.crawl.store.Pending;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.zip.CRC32;
import javax.net.ssl.SSLHandshakeException;

/** The state of one task's download; timing lives here, never in a shared field. */
final class Download {
  private static final long DISCARD_LIMIT = 1 << 20;

  private final Fetcher f;
  private final Task task;
  private final String lane;
  // the copy an earlier run kept, asked about conditionally (-N); null to ask for the body outright
  private final KeptCopy kept;
  // the body an earlier download kept, continued with a range request (-C); null to ask for all of it
  private volatile Partials.Partial partial;
  // a kept body was there: it goes once a complete one is saved, whether continued or not
  private volatile boolean hadPartial;
  // what stays on disk of the last cut attempt for -C, or null; and why a cut body was not kept
  private volatile CutKept cutKept;
  private volatile String notKept = "";
  // the whole length a continued body must reach, from its Content-Range; -1 when not continuing
  private volatile long continuedTotal = -1;
  private long started;
  private volatile long firstByte = -1;
  private volatile URI current;
  private volatile int lastStatus;
  private volatile Pending pending;
  private int attempts;
  private int silences;
  private boolean startedOver;
  // only one hop of a download runs at a time: this needs no more than visibility across threads
  private volatile long waited;

  Download(Fetcher fetcher, Task task, String lane, KeptCopy kept) {
    this.f = fetcher;
    this.task = task;
    this.lane = lane;
    this.kept = kept;
    this.current = task.url();
  }

  CompletableFuture<FetchResult> start() {
    started = f.clock.now();
    return attempt()
        .exceptionally(e -> failed("internal error: " + unwrap(e), 0))
        .whenComplete((r, e) -> abortPending());
  }

  private CompletableFuture<FetchResult> attempt() {
    attempts++;
    partial = null;
    continuedTotal = -1;
    if (f.settings.continuePartials()) {
      Partials.Partial p = Partials.find(target(), task.url().toString());
      hadPartial |= p != null;
      // without a validator for If-Range, a changed file would be spliced onto the old bytes
      partial = p != null && p.meta().ifRange() != null ? p : null;
    }
    return hop(task.url(), 0).handle(this::settle).thenCompose(Function.identity());
  }

  /**
   * A finished exchange: the response's status and headers, and what was kept of its body (null
   * when there was none to read).
   */
  private record Exchange(int status, HttpHeaders headers, BodyReader.Body body, String protocol) {}

  /** One request of a redirect chain. */
  private CompletableFuture<Exchange> hop(URI url, int redirects) {
    current = url;
    long asked = f.clock.now();
    return f.limiter
        .acquire(url)
        .thenCompose(
            release ->
                f.pacer
                    .turn(url)
                    .thenCompose(go -> send(url, asked))
                    .whenComplete((r, e) -> release.run()))
        .thenCompose(
            response -> {
              lastStatus = response.status();
              String location = response.headers().firstValue("Location").orElse(null);
              if (!isRedirect(response.status()) || location == null) {
                return CompletableFuture.completedFuture(response);
              }
              try {
                return hop(redirectTarget(url, location, redirects), redirects + 1);
              } catch (FetchException e) {
                return CompletableFuture.failedFuture(e);
              }
            });
  }

  private boolean offersHttp2(URI url) {
    return url.getScheme().equalsIgnoreCase("https") && !f.settings.http11();
  }

  private URI redirectTarget(URI from, String location, int redirects) throws FetchException {
    if (redirects >= f.settings.maxRedirects()) {
      throw new FetchException(
          "too many redirects (more than " + f.settings.maxRedirects() + ", --max-redirects)",
          false);
    }
    if (location.length() > f.settings.maxUrlLength()) {
      // checked before parsing: a Location of megabytes is a trap or an attack, not an address
      throw new FetchException("redirect to a URL of " + location.length() + " characters, over --max-url-length "
          + f.settings.maxUrlLength(), false);
    }
    URI next;
    try {
      next = from.resolve(new URI(location.trim()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new FetchException("redirect to an invalid location '" + location + "'", false);
    }
    String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException("redirect to unsupported scheme '" + scheme + "' refused", false);
    }
    if (next.getHost() == null) {
      throw new FetchException("redirect to a location without a host: " + location, false);
    }
    String refused = f.gate.refuse(task.depth(), next);
    if (refused != null) {
      current = next;
      throw FetchException.outOfScope(refused);
    }
    return next;
  }

  /** Sends one request over the transport; the exchange completes when its body has been read. */
  private CompletableFuture<Exchange> send(URI url, long asked) {
    Duration total = f.settings.totalTimeout();
    Request request = request(url);
    long deadline = total.isZero() ? 0 : System.nanoTime() + total.toNanos();
    Receiving receiving = new Receiving(url, asked, deadline);
    return f.transport
        .send(request, receiving)
        .thenCompose(headArrived -> receiving.reader.getBody())
        .handle((body, error) -> {
          if (receiving.out) {
            // off the wire: in flight never counts more than was sent
            f.inFlight.exit();
          }
          RawCopy raw = receiving.raw;
          if (error != null) {
            if (raw != null) {
              archiveCut(url, receiving, request, raw, error);
            }
            throw error instanceof CompletionException ce ? ce : new CompletionException(error);
          }
          Head head = receiving.head;
          if (raw != null) {
            try {
              f.archive.record(new Capture(url, receiving.date, HttpHeads.request(url, request.headerMap()), raw.finish()));
            } catch (IOException | RuntimeException e) {
              throw new CompletionException(new FetchException(
                  "cannot write to the WARC " + f.archive.currentFile() + ": " + e.getMessage(), false));
            }
          }
          return new Exchange(head.status(), head.headers(), body, head.protocol());
        });
  }

  /**
   * A body that stopped short is archived as what arrived, marked with WARC-Truncated, as archives
   * keep it; it is never saved. A WARC that cannot be written here leaves the download's own failure
   * to be reported.
   */
  private void archiveCut(URI url, Receiving receiving, Request request, RawCopy raw, Throwable error) {
    Throwable cause = unwrap(error);
    String why = cause instanceof FetchException fe
        ? (fe.truncation() != null ? fe.truncation() : "unspecified")
        : cause instanceof java.io.IOException ? "disconnect" : "unspecified";
    try {
      f.archive.record(new Capture(url, receiving.date, HttpHeads.request(url, request.headerMap()), raw.finish(), why));
    } catch (IOException | RuntimeException e) {
      raw.discard();
    }
  }

  private Request request(URI url) {
    Duration responseTimeout = f.settings.responseTimeout();
    Duration total = f.settings.totalTimeout();
    if (!total.isZero() && total.compareTo(responseTimeout) < 0) {
      responseTimeout = total;
    }
    Request.Builder request =
        Request.to(url)
            .responseTimeout(responseTimeout)
            // https offers HTTP/2 through ALPN and takes what the server picks, unless --http1.1
            .offerHttp2(offersHttp2(url))
            .header("User-Agent", f.settings.userAgent())
            .header("Accept-Encoding", ContentCodings.accepted());
    String credentials = f.auth.header(task.url(), url);
    if (credentials != null) {
      request.header("Authorization", credentials);
    }
    String cookie = f.cookies == null ? null : f.cookies.header(url);
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    Credentials proxy = f.settings.proxies().credentialsFor(url);
    if (proxy != null) {
      // the transport sends Proxy- headers to the proxy alone (on the CONNECT for https), never to the server
      request.header("Proxy-Authorization", proxy.basic());
    }
    Partials.Partial p = partial;
    if (p != null) {
      // offsets count the body as stored: a compressed answer would count something else
      request.set("Accept-Encoding", "identity");
      request.header("Range", "bytes=" + p.bytes() + "-");
      request.header("If-Range", p.meta().ifRange());
    }
    if (kept != null) {
      if (kept.validators().etag() != null) {
        request.header("If-None-Match", kept.validators().etag());
      }
      // the file's time, which the run that saved it set from Last-Modified: a file the user
      // touched since is judged by its own time, as wget -N does
      request.header("If-Modified-Since", HttpDates.format(kept.modifiedMillis()));
    }
    RequestHeaders.apply(request::set, f.settings.headers(), task.url(), url);
    return request.build();
  }

  /** What this download hears of one exchange; the fields are written before the body flows. */
  private final class Receiving implements Receiver {
    private final URI url;
    private final long asked;
    private final long deadline;
    private volatile boolean out;
    private volatile Head head;
    private volatile BodyReader reader;
    private volatile RawCopy raw;
    private volatile Instant date;

    Receiving(URI url, long asked, long deadline) {
      this.url = url;
      this.asked = asked;
      this.deadline = deadline;
    }

    /** The request went out: the wait for its connection was politeness, and it is now on the wire. */
    @Override
    public void sent() {
      out = true;
      waited += f.clock.now() - asked;
      f.inFlight.enter();
    }

    @Override
    public Flow.Subscriber<List<ByteBuffer>> head(Head h) {
      date = Instant.now();
      head = h;
      if (f.cookies != null) {
        // every response counts, redirects included: a login often sets its cookie on a 302
        f.cookies.store(url, h.headers().allValues("Set-Cookie"));
      }
      BodyReader r = readerFor(h, deadline);
      if (f.archive != null) {
        raw = new RawCopy(HttpHeads.response(h.status(), h.headers().map()), f.spool);
        r.teeTo(raw);
      }
      reader = r;
      return r;
    }
  }

  private BodyReader readerFor(Head info, long deadline) {
    firstByte = f.clock.now();
    long max = f.settings.maxBytes();
    long idle = f.settings.idleTimeout().toNanos();
    String encoding = info.headers().firstValue("Content-Encoding").orElse(null);
    long declared;
    try {
      declared = Framing.declaredLength(info.headers());
    } catch (FetchException e) {
      return BodyReader.failing(e, f.timer);
    }
    if (info.status() == 206) {
      return continuing(info, encoding, deadline);
    }
    if (info.status() / 100 != 2) {
      return BodyReader.discarding(
          new BodyReader.Limits(DISCARD_LIMIT, 0, idle, f.settings.minRate(), deadline, ""), f.timer);
    }
    if (max > 0 && declared > max && (encoding == null || encoding.isBlank())) {
      return BodyReader.failing(
          new FetchException(
              "body of " + declared + " bytes exceeds --max-size " + max + " bytes", false),
          f.timer);
    }
    BodyDecoder decoder;
    try {
      decoder = BodyDecoder.forEncoding(encoding);
    } catch (FetchException e) {
      return BodyReader.failing(e, f.timer);
    }
    try {
      abortPending();
      Pending p = f.store.begin(task.url());
      pending = p;
      Pending.Temp temp = p.newTemp();
      if (hadPartial) {
        p.replacesPartial();
      }
      HttpHeaders h = info.headers();
      Partials.Meta meta = new Partials.Meta(task.url().toString(), h.firstValue("ETag").orElse(null),
          h.firstValue("Last-Modified").orElse(null), declared);
      // kept only where -C can continue it: the bytes as sent, a validator for If-Range, and a
      // server that does not refuse ranges; anything else would be disk spent for nothing
      if (decoder instanceof BodyDecoder.Identity && meta.ifRange() != null
          && !h.firstValue("Accept-Ranges").orElse("").trim().equalsIgnoreCase("none")) {
        p.keepIfCut(temp.path(), meta);
      }
      String hint = declared >= 0 ? " (Content-Length " + declared + ")" : "";
      // --max-size bounds every body; without it only a compressed one is bounded, by what it decodes to
      long maxDecoded = max == 0 && !(decoder instanceof BodyDecoder.Identity) ? f.settings.maxDecoded() : 0;
      return BodyReader.toFile(
          temp.path(),
          temp.channel(),
          decoder,
          new BodyReader.Limits(max, maxDecoded, idle, f.settings.minRate(), deadline, hint),
          f.timer);
    } catch (IOException | RuntimeException e) {
      return BodyReader.failing(
          new FetchException("cannot save " + task.url() + ": " + e.getMessage(), false), f.timer);
    }
  }

  /** A 206: the rest of the body a cut download kept, appended to it ({@code -C}). */
  private BodyReader continuing(Head info, String encoding, long deadline) {
    Partials.Partial p = partial;
    String header = info.headers().firstValue("Content-Range").orElse(null);
    ContentRange range = ContentRange.parse(header);
    boolean identity = BodyDecoder.isIdentity(encoding);
    if (p == null || range == null || range.first() != p.bytes() || !identity) {
      // not the rest of what was kept, so it cannot be spliced on: the next attempt starts over
      Partials.remove(target());
      partial = null;
      String why = p == null
          ? "HTTP 206 to a request for the whole body"
          : "HTTP 206 with " + (identity ? "Content-Range " + header : "Content-Encoding " + encoding)
              + ", not the rest from byte " + p.bytes();
      return BodyReader.failing(new FetchException(why, true), f.timer);
    }
    continuedTotal = range.total() >= 0 ? range.total() : range.last() + 1;
    try {
      abortPending();
      Pending pend = f.store.begin(task.url());
      pending = pend;
      CRC32 crc = Crc.over(p.file());
      Pending.Temp temp = pend.continuing(p);
      return BodyReader.appending(temp.path(), temp.channel(), p.bytes(), crc,
          new BodyReader.Limits(f.settings.maxBytes(), 0, f.settings.idleTimeout().toNanos(), f.settings.minRate(),
              deadline, " (Content-Range " + header + ")"),
          f.timer);
    } catch (IOException | RuntimeException e) {
      return BodyReader.failing(
          new FetchException("cannot continue " + p.file() + ": " + e.getMessage(), false), f.timer);
    }
  }

  /** Where the task's file goes, and beside which a cut download keeps its body. */
  private Path target() {
    return f.store.file(f.store.pathFor(task.url()));
  }

  private CompletableFuture<FetchResult> settle(Exchange response, Throwable error) {
    if (f.aborting()) {
      abortPending();
      return CompletableFuture.completedFuture(failed("stopped: the run was interrupted", 0));
    }
    if (error != null) {
      Throwable cause = unwrap(error);
      Pending p = pending;
      if (cause instanceof FetchException fe && !fe.retryable() && !fe.silence() && p != null) {
        // refused by a rule of ours (--max-size) or the disk, not cut: nothing worth continuing
        p.discardPartial();
      }
      abortPending();
      if (cause instanceof FetchException fe && fe.outOfScope()) {
        return CompletableFuture.completedFuture(
            UrlResult.Skipped.onTheWay(task, current, lastStatus, fe.getMessage(), attempts, timings()));
      }
      if (isRetryable(cause) && attempts <= f.settings.retries()) {
        if (!isSilence(cause)) {
          return retryAfter(backoff());
        }
        // a silent server already cost a full timeout: retried at once, and only so often
        if (++silences <= f.settings.timeoutRetries()) {
          return retryAfter(Duration.ZERO);
        }
      }
      CutKept k = cutKept;
      String keptNote = k != null ? " (" + k.bytes() + " bytes kept; crawl -C continues it)" : notKept;
      return CompletableFuture.completedFuture(failed(reason(cause) + keptNote, statusFor(cause)));
    }
    int status = response.status();
    if (status / 100 == 2 && response.body() != null) {
      return CompletableFuture.completedFuture(save(response));
    }
    if (status == 304 && kept != null) {
      return CompletableFuture.completedFuture(notModified(response));
    }
    if (status == 416 && partial != null && !startedOver) {
      // what was kept is no beginning of the body now (the file shrank): start over, not a retry
      startedOver = true;
      Partials.remove(target());
      attempts--;
      return attempt();
    }
    abortPending();
    if (isRetryableStatus(status) && attempts <= f.settings.retries()) {
      return retryAfter(RetryAfter.delay(response.headers(), f.settings.maxRetryWait()).orElse(backoff()));
    }
    String why = StatusPhrase.line(status) + (isRedirect(status) ? " without a Location header" : "")
        + (status == 401 ? unauthorized() : "")
        + (status == 407 ? proxyUnauthorized() : "");
    return CompletableFuture.completedFuture(failed(why, status));
  }

  private FetchResult save(Exchange response) {
    BodyReader.Body body = response.body();
    Pending p = pending;
    if (continuedTotal >= 0 && body.bytes() != continuedTotal) {
      p.discardPartial();
      abortPending();
      return failed("the continued body has " + body.bytes() + " bytes, where its Content-Range said "
          + continuedTotal + "; nothing kept", response.status());
    }
    Validators validators = validators(response.headers(), Validators.NONE);
    try {
      keepServerTime(body.file(), validators);
      p.commit(body.file());
      pending = null;
      return new UrlResult.Saved(task, current, response.status(), attempts, timings(),
          new UrlResult.StoredFile(body.bytes(), p.relativePath(), Crc.hex(body.crc32())),
          new UrlResult.Served(response.headers().firstValue("Content-Type").orElse(null), response.protocol(),
              validators),
          Discovered.NONE);
    } catch (IOException e) {
      abortPending();
      return failed(reason(e), response.status());
    }
  }

  /**
   * The file carries the server's time for its body, as wget does: a later {@code -N} run sends it
   * back as If-Modified-Since. Set before the rename, so the final name never shows another time.
   */
  private static void keepServerTime(Path file, Validators validators) throws IOException {
    if (validators.lastModified() != null) {
      Optional<Instant> time = HttpDates.parse(validators.lastModified());
      if (time.isPresent()) {
        Files.setLastModifiedTime(file, FileTime.from(time.get()));
      }
    }
  }

  /** The server says the kept copy is current: it stays as it is. */
  private FetchResult notModified(Exchange response) {
    try {
      String crc32 = kept.crc32() != null ? kept.crc32() : Crc.of(f.store.file(kept.path()));
      return new UrlResult.NotModified(task, current, response.status(), attempts, timings(),
          new UrlResult.StoredFile(kept.bytes(), kept.path(), crc32),
          new UrlResult.Served(kept.contentType(), response.protocol(),
              validators(response.headers(), kept.validators())),
          Discovered.NONE);
    } catch (IOException | RuntimeException e) {
      return failed("HTTP 304, and the kept copy cannot be read: " + e.getMessage(), response.status());
    }
  }

  /** A response's validators; a 304 may leave out what did not change, which {@code earlier} fills in. */
  private static Validators validators(HttpHeaders headers, Validators earlier) {
    String etag = headers.firstValue("ETag").orElse(earlier.etag());
    String lastModified = headers.firstValue("Last-Modified").orElse(earlier.lastModified());
    return etag == null && lastModified == null ? Validators.NONE : new Validators(etag, lastModified);
  }

  /** Why a 401 came: no credentials for that server, or the ones sent were refused. */
  private String unauthorized() {
    return f.auth.header(task.url(), current) == null
        ? ": the server asks for credentials; give them with --user NAME:PASSWORD or --netrc"
        : ": the server refused the credentials sent";
  }

  private String proxyUnauthorized() {
    return f.settings.proxies().credentialsFor(current) == null
        ? ": the proxy asks for credentials; give them in its address, http://USER:PASSWORD@HOST:PORT"
        : ": the proxy refused the credentials in its address";
  }

  private CompletableFuture<FetchResult> retryAfter(Duration wait) {
    return CompletableFuture.supplyAsync(
            this::attempt,
            // nanoseconds: whole milliseconds would cut a Retry-After date short by up to 1 ms
            CompletableFuture.delayedExecutor(wait.toNanos(), TimeUnit.NANOSECONDS, f.executor))
        .thenCompose(Function.identity());
  }

  /** Exponential backoff with jitter, so retries from many downloads do not arrive together. */
  private Duration backoff() {
    long base = f.settings.retryDelay().toMillis() << Math.min(attempts - 1, 16);
    long jittered = (long) (base * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
    return Duration.ofMillis(Math.min(jittered, f.settings.maxRetryWait().toMillis()));
  }

  private UrlResult.Failed failed(String reason, int status) {
    String tries = attempts > 1 ? " (after " + attempts + " attempts)" : "";
    CutKept k = cutKept;
    return k == null
        ? new UrlResult.Failed(task, current, status, reason + tries, attempts, timings())
        : new UrlResult.Failed(task, current, status, reason + tries, attempts, timings(), k.path(), k.bytes());
  }

  private FetchTimings timings() {
    return new FetchTimings(task.queuedNanos(), started, firstByte, f.clock.now(), lane, waited);
  }

  /** A cut body kept for {@code -C}: where, relative to the output directory, and how many bytes. */
  private record CutKept(String path, long bytes) {}

  /** Ends the file being written, and notes what it kept of a cut body, or why it kept nothing. */
  private void abortPending() {
    Pending p = pending;
    if (p == null) {
      return;
    }
    p.abort();
    pending = null;
    if (p.keptBytes() > 0) {
      cutKept = new CutKept(p.keptPath(), p.keptBytes());
      // the next attempt replaces it, or removes it once the file is saved
      hadPartial = true;
      notKept = "";
    } else if (hadPartial) {
      // this attempt dropped what an earlier one kept (Pending.abort)
      cutKept = null;
    }
    if (p.droppedBytes() > 0) {
      notKept = f.store.options().keepPartial()
          ? " (" + p.droppedBytes() + " bytes not kept: the run's cut bodies reached --keep-partial-max "
              + f.store.options().keepLimit() + " bytes)"
          : " (" + p.droppedBytes() + " bytes not kept: --no-keep-partial)";
    }
  }

  private int statusFor(Throwable cause) {
    return cause instanceof FetchException ? lastStatus : 0;
  }

  static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  static boolean isRetryableStatus(int status) {
    return status == 408 || status == 429 || status == 500 || status == 502 || status == 503
        || status == 504;
  }

  static boolean isRetryable(Throwable cause) {
    if (cause instanceof FetchException fe) {
      return fe.retryable();
    }
    // permanent: asking again gets the same answer
    if (isUnknownHost(cause) || isHandshakeFailure(cause)) {
      return false;
    }
    return cause instanceof IOException;
  }

  /** The JDK client reports a name that does not resolve as a ConnectException around this. */
  static boolean isUnknownHost(Throwable cause) {
    return cause instanceof UnknownHostException
        || (cause instanceof ConnectException && cause.getCause() instanceof UnresolvedAddressException);
  }

  /** A TLS handshake that failed, or a certificate refused: the same server says the same again. */
  static boolean isHandshakeFailure(Throwable cause) {
    return find(cause, SSLHandshakeException.class) != null || find(cause, Tls.Refused.class) != null;
  }

  private static <T extends Throwable> T find(Throwable cause, Class<T> type) {
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  static boolean isSilence(Throwable cause) {
    return cause instanceof HttpTimeoutException || (cause instanceof FetchException fe && fe.silence());
  }

  static Throwable unwrap(Throwable e) {
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** One line a user can act on, for every way a download can go wrong. */
  String reason(Throwable cause) {
    String where = current.getHost() + (current.getPort() > 0 ? ":" + current.getPort() : "");
    if (cause instanceof FetchException) {
      return cause.getMessage();
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return "timed out connecting to " + where + " (--connect-timeout)";
    }
    if (cause instanceof HttpTimeoutException) {
      return "timed out waiting for response headers (--response-timeout)";
    }
    if (isUnknownHost(cause)) {
      return "unknown host " + current.getHost() + ": the name does not resolve";
    }
    URI proxy = f.settings.proxies().proxyFor(current);
    if (cause instanceof ConnectException && proxy != null) {
      return "cannot connect to the proxy " + Proxies.shown(proxy) + ": connection refused (--proxy, or the *_proxy variables)";
    }
    if (cause instanceof ConnectException) {
      return "cannot connect to " + where + ": connection refused";
    }
    Tls.Refused refused = find(cause, Tls.Refused.class);
    if (refused != null) {
      return "TLS: " + refused.getMessage();
    }
    SSLHandshakeException handshake = find(cause, SSLHandshakeException.class);
    if (handshake != null) {
      String m = String.valueOf(handshake.getMessage());
      if (m.contains("protocol_version") || m.contains("No appropriate protocol")) {
        return "TLS: " + where + " and crawl share no TLS version (" + Printable.oneLine(m, 120) + ")";
      }
      if (m.contains("certificate_required") || m.contains("bad_certificate") || m.contains("unknown_ca")) {
        return f.settings.clientCertificate() == null
            ? "TLS: " + where + " asks for a client certificate; give one with --client-certificate FILE (and --client-key FILE)"
            : "TLS: " + where + " refused our client certificate (" + Printable.oneLine(m, 120) + ")";
      }
      return "TLS handshake with " + where + " failed: " + Printable.oneLine(m, 160);
    }
    if (cause instanceof EOFException || cause instanceof ClosedChannelException) {
      return "connection closed before the response was complete";
    }
    String msg = cause.getMessage();
    if (cause instanceof IOException) {
      String known = ProtocolErrors.explain(msg);
      if (known != null) {
        return known;
      }
      return msg == null || msg.isBlank()
          ? "I/O error: " + cause.getClass().getSimpleName()
          : "I/O error: " + Printable.oneLine(msg, 200);
    }
    return cause.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
  }
}
