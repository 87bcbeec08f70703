package dev.crawl.fetch.transport.netty;

import dev.crawl.fetch.transport.Head;
import dev.crawl.fetch.transport.Receiver;
import dev.crawl.fetch.transport.Request;
import dev.crawl.fetch.transport.Transport;
import dev.crawl.fetch.transport.TransportSettings;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The default transport: one Netty event-loop group per run, a thread per core, native epoll where
 * it loads; connections pooled per route, HTTP/1.1 kept alive, HTTPS with ALPN and HTTP/2. A
 * download's body is written to disk from the event loop as it arrives, and the socket is read no
 * faster than that.
 */
public final class NettyTransport implements Transport {
  static {
    // Buffers from the heap's allocator, not Netty's pools: a run is short, and a processes worker
    // shorter still. Building the pooled allocator cost each worker JVM about 0.1 CPU-s, and the
    // pools bought nothing on 1,000 files (1.44 s and 2.63 CPU-s unpooled, 1.52 s and 2.78 pooled,
    // 1.57 s and 2.80 adaptive, medians of 5 interleaved runs). -Dio.netty.allocator.type wins.
    if (System.getProperty("io.netty.allocator.type") == null) {
      System.setProperty("io.netty.allocator.type", "unpooled");
    }
  }

  private static final IoChoice IO = IoChoice.best();

  private final TransportSettings settings;
  private final EventLoopGroup group;
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final Map<Route, RoutePool> pools = new ConcurrentHashMap<>();
  private final Connector connector;
  private volatile boolean aborted;

  public NettyTransport(TransportSettings settings) {
    this.settings = settings;
    this.group = new MultiThreadIoEventLoopGroup(IoChoice.threads(), new DefaultThreadFactory("nettyio", true), IO.factory());
    this.connector = new Connector(settings, group, IO, channels, () -> aborted);
  }

  /** What runs the exchanges, in words, for the report. */
  public static String description() {
    Throwable why = IoChoice.whyNotEpoll();
    return "Netty's event loop (" + IO.name() + ", " + IoChoice.threads() + " threads, nettyio-N"
        + (why == null ? "" : "; epoll did not load: " + why) + ")";
  }

  @Override
  public CompletableFuture<Void> send(Request request, Receiver receiver) {
    if (aborted) {
      return CompletableFuture.failedFuture(new IOException("the run was stopped"));
    }
    URI url = request.url();
    Route route = Route.of(url, settings.proxies().proxyFor(url));
    RoutePool pool = pools.computeIfAbsent(route, r -> new RoutePool(r, connector::connect));
    // a proxy takes the whole URL; an origin, the path and query
    String target = route.toProxy() ? url.toASCIIString()
        : (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
            + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    Receiver once = new Once(receiver);
    return pool.send(request, target, once, false).handle((ok, e) -> {
      Throwable cause = e instanceof CompletionException ce && ce.getCause() != null ? ce.getCause() : e;
      if (cause instanceof Failures.Stale) {
        // the server closed a pooled connection while it was idle: once more, on a new one
        return pool.send(request, target, once, true);
      }
      if (cause instanceof Tunnel.Refused refused) {
        // the proxy's refusal of a tunnel is the exchange's answer (407: credentials wanted)
        once.sent();
        once.answeredWithoutBody(new Head(refused.status, refused.headers, Head.HTTP_1_1, null, null));
        return CompletableFuture.<Void>completedFuture(null);
      }
      return cause == null ? CompletableFuture.<Void>completedFuture(null) : CompletableFuture.<Void>failedFuture(cause);
    }).thenCompose(f -> f);
  }

  /** Tells the download its request went out once, whichever connection it was sent on at last. */
  private static final class Once implements Receiver {
    private final Receiver to;
    private final AtomicBoolean sent = new AtomicBoolean();

    Once(Receiver to) {
      this.to = to;
    }

    @Override
    public void sent() {
      if (sent.compareAndSet(false, true)) {
        to.sent();
      }
    }

    @Override
    public Flow.Subscriber<List<ByteBuffer>> head(Head head) {
      return to.head(head);
    }
  }

  @Override
  public void abort() {
    aborted = true;
    channels.close();
  }

  @Override
  public void close() {
    aborted = true;
    channels.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
  }
}
