package dev.crawl.fetch.transport.netty;

import dev.crawl.fetch.transport.Receiver;
import dev.crawl.fetch.transport.Request;
import dev.crawl.fetch.transport.Transport;
import dev.crawl.fetch.transport.TransportSettings;
import dev.crawl.fetch.transport.jdk.JdkTransport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The default transport: one Netty event-loop group per run, a thread per core, native epoll where
 * it loads; HTTP/1.1 connections pooled per route and kept alive. A download's body is written to
 * disk from the event loop as it arrives, and the socket is read no faster than that.
 *
 * <p>For now HTTPS and proxies go through the JDK client beside it, built on the first such URL.
 */
public final class NettyTransport implements Transport {
  private static final IoChoice IO = IoChoice.best();

  /** What runs the exchanges, in words, for the report. */
  public static String description() {
    return "Netty's event loop (" + IO.name() + ", " + IoChoice.threads() + " threads, nettyio-N) for http;"
        + " the JDK's HttpClient (http-N) for https and proxies";
  }

  private final TransportSettings settings;
  private final EventLoopGroup group;
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final Map<Route, Http1Pool> pools = new ConcurrentHashMap<>();
  private volatile JdkTransport jdk;
  private volatile boolean aborted;

  public NettyTransport(TransportSettings settings) {
    this.settings = settings;
    this.group = new MultiThreadIoEventLoopGroup(IoChoice.threads(), new DefaultThreadFactory("nettyio", true), IO.factory());
  }

  @Override
  public CompletableFuture<Void> send(Request request, Receiver receiver) {
    URI url = request.url();
    if (url.getScheme().equalsIgnoreCase("https") || settings.proxies().proxyFor(url) != null) {
      try {
        return jdk().send(request, receiver);
      } catch (IOException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    if (aborted) {
      return CompletableFuture.failedFuture(new IOException("the run was stopped"));
    }
    receiver.sent();
    Route route = Route.of(url);
    Http1Pool pool = pools.computeIfAbsent(route, r -> new Http1Pool(() -> connect(r)));
    String target = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
        + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    return exchange(pool, request, target, receiver, false);
  }

  private CompletableFuture<Void> exchange(Http1Pool pool, Request request, String target, Receiver receiver,
      boolean fresh) {
    return pool.acquire(fresh).thenCompose(connection -> {
      CompletableFuture<Void> head = new CompletableFuture<>();
      connection.channel().eventLoop().execute(() -> {
        if (connection.usable()) {
          connection.send(request, target, false, receiver, head);
        } else {
          head.completeExceptionally(new Failures.Stale(null));
        }
      });
      return head.handle((ok, e) -> {
        Throwable cause = e instanceof CompletionException ce && ce.getCause() != null ? ce.getCause() : e;
        if (cause instanceof Failures.Stale && !fresh) {
          return exchange(pool, request, target, receiver, true);
        }
        return cause == null ? CompletableFuture.<Void>completedFuture(null) : CompletableFuture.<Void>failedFuture(cause);
      }).thenCompose(f -> f);
    });
  }

  /** Opens a connection; the name is looked up off the event loop, where a slow DNS would stall every exchange. */
  private CompletableFuture<Http1Connection> connect(Route route) {
    return CompletableFuture
        .supplyAsync(() -> {
          try {
            return new InetSocketAddress(InetAddress.getByName(route.host()), route.port());
          } catch (UnknownHostException e) {
            throw new CompletionException(e);
          }
        }, settings.executor())
        .thenCompose(address -> {
          CompletableFuture<Http1Connection> connected = new CompletableFuture<>();
          Http1Pool pool = pools.get(route);
          Http1Connection[] made = new Http1Connection[1];
          ChannelFuture f = new Bootstrap()
              .group(group)
              .channel(IO.channel())
              .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
              .option(ChannelOption.TCP_NODELAY, true)
              .handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                  made[0] = new Http1Connection(ch, pool);
                  ch.pipeline().addLast(made[0].arrivals(), new ResponseDecoder(), new HttpRequestEncoder(), made[0]);
                }
              })
              .connect(address);
          f.addListener(done -> {
            if (done.isSuccess()) {
              Channel ch = f.channel();
              channels.add(ch);
              if (aborted) {
                ch.close();
                connected.completeExceptionally(new IOException("the run was stopped"));
              } else {
                connected.complete(made[0]);
              }
            } else {
              connected.completeExceptionally(Failures.connecting(done.cause()));
            }
          });
          return connected;
        });
  }

  private JdkTransport jdk() throws IOException {
    JdkTransport j = jdk;
    if (j == null) {
      synchronized (this) {
        if (jdk == null) {
          jdk = new JdkTransport(settings);
        }
        j = jdk;
      }
    }
    return j;
  }

  @Override
  public void abort() {
    aborted = true;
    channels.close();
    JdkTransport j = jdk;
    if (j != null) {
      j.abort();
    }
  }

  @Override
  public void close() {
    aborted = true;
    channels.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    JdkTransport j = jdk;
    if (j != null) {
      j.close();
    }
  }
}
