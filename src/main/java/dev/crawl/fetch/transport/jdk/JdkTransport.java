package dev.crawl.fetch.transport.jdk;

import dev.crawl.fetch.http.FetchException;
import dev.crawl.fetch.tls.LazyTls;
import dev.crawl.fetch.tls.Tls;
import dev.crawl.fetch.transport.Head;
import dev.crawl.fetch.transport.Receiver;
import dev.crawl.fetch.transport.Request;
import dev.crawl.fetch.transport.Transport;
import dev.crawl.fetch.transport.TransportSettings;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * The JDK's {@link HttpClient} as a transport: the reference every behaviour is checked against
 * ({@code --transport jdk}). It runs on the run's executor, and its HTTPS requests wait for a free
 * HTTP/2 stream in {@link StreamGate}, since the client fails those beyond the server's limit.
 */
public final class JdkTransport implements Transport {
  public static final String DESCRIPTION =
      "the JDK's HttpClient and its callbacks on a cached pool of platform threads (http-N)";

  private final ExecutorService executor;
  private final StreamGate streams = new StreamGate();
  // null once closed; see close()
  private volatile HttpClient client;

  public JdkTransport(TransportSettings settings) throws IOException {
    this.executor = settings.executor();
    this.client = builder(settings)
        // redirects are ours: a limit, a scheme check and the final URL in the report
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(executor)
        .build();
  }

  /**
   * A client that reaches what the run's settings say it may: its connect timeout, TLS trust and
   * proxies. The side client (robots.txt, sitemaps) starts from it too, so the two never disagree.
   */
  public static HttpClient.Builder builder(TransportSettings settings) throws IOException {
    return HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .sslContext(Tls.context(settings.tls()))
        .sslParameters(LazyTls.parameters())
        // without a selector the client takes the JDK's default, which reads Java's own proxy properties
        .proxy(settings.proxies().any() ? settings.proxies().selector() : HttpClient.Builder.NO_PROXY);
  }

  @Override
  public CompletableFuture<Void> send(Request request, Receiver receiver) {
    if (!request.offerHttp2()) {
      receiver.sent();
      return exchange(request, receiver, null);
    }
    return onAStream(request, receiver, true);
  }

  /** Sends once the origin has a stream free; a stream the client refused waits for the next one. */
  private CompletableFuture<Void> onAStream(Request request, Receiver receiver, boolean first) {
    return streams.acquire(request.url())
        .thenCompose(stream -> {
          if (first) {
            receiver.sent();
          }
          return exchange(request, receiver, stream)
              .handle((r, e) -> {
                if (e != null && StreamGate.isRefusal(unwrap(e))) {
                  stream.refused();
                  return onAStream(request, receiver, false);
                }
                if (e != null) {
                  stream.release();
                  return CompletableFuture.<Void>failedFuture(e);
                }
                return CompletableFuture.<Void>completedFuture(null);
              })
              .thenCompose(Function.identity());
        });
  }

  /**
   * One exchange. The head completes from the body handler, on the run's executor: the future
   * {@code sendAsync} returns completes its dependents on the common ForkJoin pool, and hopping from
   * there back to ours cost 1-3 ms a download (p90 6-10 ms) of pure waiting. That future is only
   * watched for failures that come before any head, and for answers that have no body.
   */
  private CompletableFuture<Void> exchange(Request request, Receiver receiver, StreamGate.Stream stream) {
    HttpRequest.Builder b = HttpRequest.newBuilder(request.url())
        .GET()
        .timeout(request.responseTimeout())
        // plain http stays on HTTP/1.1: an h2c upgrade attempt costs a round trip for nothing
        .version(request.offerHttp2() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
    for (Request.Header h : request.headers()) {
      b.header(h.name(), h.value());
    }
    CompletableFuture<Void> head = new CompletableFuture<>();
    client().sendAsync(b.build(), info -> {
          if (stream != null) {
            stream.connected();
          }
          Head h = new Head(info.statusCode(), info.headers(), protocol(info.version()), null, null);
          Body body = new Body(receiver.head(h), stream);
          head.complete(null);
          return body;
        })
        .whenComplete((response, error) -> {
          if (head.isDone()) {
            return;
          }
          if (error != null) {
            onOurs(() -> head.completeExceptionally(headFailure(unwrap(error))));
          } else {
            // an answer the client made up without reading a body: a proxy's 407 to CONNECT
            onOurs(() -> {
              if (stream != null) {
                stream.release();
              }
              receiver.answeredWithoutBody(
                  new Head(response.statusCode(), response.headers(), protocol(response.version()), null, null));
              head.complete(null);
            });
          }
        });
    return head;
  }

  private void onOurs(Runnable completion) {
    try {
      executor.execute(completion);
    } catch (RejectedExecutionException closing) {
      // the run is closing (Ctrl-C): complete here, or the download is lost
      completion.run();
    }
  }

  /**
   * Hands the body to the receiver's subscriber, and knows when it ends: the client needs a
   * future for it, and the HTTP/2 stream is free again then.
   */
  private static final class Body implements HttpResponse.BodySubscriber<Void> {
    private final Flow.Subscriber<List<ByteBuffer>> to;
    private final StreamGate.Stream stream;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    Body(Flow.Subscriber<List<ByteBuffer>> to, StreamGate.Stream stream) {
      this.to = to;
      this.stream = stream;
    }

    @Override
    public java.util.concurrent.CompletionStage<Void> getBody() {
      return ended;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      to.onSubscribe(new Flow.Subscription() {
        @Override
        public void request(long n) {
          s.request(n);
        }

        @Override
        public void cancel() {
          end();
          s.cancel();
        }
      });
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      to.onNext(item);
    }

    @Override
    public void onError(Throwable t) {
      end();
      to.onError(t);
    }

    @Override
    public void onComplete() {
      end();
      to.onComplete();
    }

    private void end() {
      if (ended.complete(null) && stream != null) {
        stream.release();
      }
    }
  }

  HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      throw new IllegalStateException("the transport is closed");
    }
    return c;
  }

  @Override
  public void abort() {
    client().shutdownNow();
  }

  @Override
  public void close() {
    HttpClient c = client;
    if (c != null) {
      c.shutdownNow();
    }
    // A closed client's connections keep their last exchange, and with it our body handler, its
    // download and the fetcher. Holding the client here closed that cycle through the JDK's
    // cleaner, which never let go: 6 MB a run stayed behind in compare. Dropping it frees it all.
    client = null;
  }

  /** As ALPN and the HTTP status line spell it. */
  static String protocol(HttpClient.Version v) {
    return v == HttpClient.Version.HTTP_2 ? Head.H2 : Head.HTTP_1_1;
  }

  /** The client's own words for a head over its bounds, put as the Netty transport puts them. */
  private static Throwable headFailure(Throwable e) {
    String m = e.getMessage();
    return e instanceof java.net.ProtocolException && m != null && m.startsWith("Header size too big")
        ? FetchException.headTooLong(m)
        : e;
  }

  private static Throwable unwrap(Throwable e) {
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
