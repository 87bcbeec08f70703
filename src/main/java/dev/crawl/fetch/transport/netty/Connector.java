package dev.crawl.fetch.transport.netty;

import dev.crawl.fetch.tls.Tls;
import dev.crawl.fetch.transport.Head;
import dev.crawl.fetch.transport.TransportSettings;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2SettingsFrame;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.ssl.KeyManager;

/**
 * Opens connections: the name looked up off the event loop, TCP, then for HTTPS a TLS handshake
 * whose ALPN answer decides the pipeline, HTTP/1.1 or HTTP/2.
 */
final class Connector {

  /** An open connection, ready for exchanges: one of the two kinds. */
  sealed interface Link {
    /** An HTTP/1.1 connection: one exchange at a time. */
    record Http1(ExchangeHandler handler) implements Link {}

    /** An HTTP/2 connection: exchanges share it, a stream each. */
    record Http2(H2Connection connection) implements Link {}
  }

  private final TransportSettings settings;
  private final EventLoopGroup group;
  private final IoChoice io;
  private final ChannelGroup channels;
  private final BooleanSupplier stopped;
  // made on the first https URL, one that offers HTTP/2 and one that does not (--http1.1)
  private volatile SslContext offeringH2;
  private volatile SslContext http11Only;

  Connector(TransportSettings settings, EventLoopGroup group, IoChoice io, ChannelGroup channels, BooleanSupplier stopped) {
    this.settings = settings;
    this.group = group;
    this.io = io;
    this.channels = channels;
    this.stopped = stopped;
  }

  /**
   * @param proxyAuthorization the Proxy-Authorization a CONNECT carries, or null
   * @param owner where an HTTP/1.1 connection goes between exchanges
   */
  CompletableFuture<Link> connect(Route route, boolean offerHttp2, String proxyAuthorization, ExchangeHandler.Owner owner) {
    SslContext tls;
    try {
      tls = route.https() ? tls(offerHttp2) : null;
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    return CompletableFuture
        .supplyAsync(() -> route.via() == null ? address(route.host(), route.port()) : address(route.via().host(), route.via().port()),
            settings.executor())
        .thenCompose(this::tcp)
        .thenCompose(ch -> route.tunnel() ? Tunnel.through(ch, route, proxyAuthorization, connectTimeoutMillis()) : CompletableFuture.completedFuture(ch))
        .thenCompose(ch -> tls == null ? CompletableFuture.completedFuture(http1(ch, owner)) : secure(ch, tls, route, owner));
  }

  private CompletableFuture<Channel> tcp(InetSocketAddress address) {
    CompletableFuture<Channel> connected = new CompletableFuture<>();
    ChannelFuture f = new Bootstrap()
        .group(group)
        .channel(io.channel())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis())
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(new ChannelInboundHandlerAdapter())
        .connect(address);
    f.addListener(done -> {
      if (!done.isSuccess()) {
        connected.completeExceptionally(Failures.connecting(done.cause()));
        return;
      }
      Channel ch = f.channel();
      channels.add(ch);
      if (stopped.getAsBoolean()) {
        ch.close();
        connected.completeExceptionally(new IOException("the run was stopped"));
      } else {
        connected.complete(ch);
      }
    });
    return connected;
  }

  /** TLS over the connection (or tunnel); the server's ALPN answer picks HTTP/1.1 or HTTP/2. */
  private CompletableFuture<Link> secure(Channel ch, SslContext tls, Route route, ExchangeHandler.Owner owner) {
    CompletableFuture<Link> linked = new CompletableFuture<>();
    ch.eventLoop().execute(() -> {
      SslHandler ssl = handshaking(tls, route, ch);
      ch.pipeline().addLast(ssl);
      ssl.handshakeFuture().addListener(hs -> {
        if (!hs.isSuccess()) {
          ch.close();
          linked.completeExceptionally(Failures.io(hs.cause()));
        } else if (ApplicationProtocolNames.HTTP_2.equals(ssl.applicationProtocol())) {
          http2(ch, linked);
        } else {
          linked.complete(http1(ch, owner));
        }
      });
    });
    return linked;
  }

  private int connectTimeoutMillis() {
    return (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis());
  }

  private static InetSocketAddress address(String host, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new CompletionException(e);
    }
  }

  /** The TLS handler, SNI sent for a host name. */
  private SslHandler handshaking(SslContext tls, Route route, Channel ch) {
    SslHandler ssl = tls.newHandler(ch.alloc(), route.host(), route.port());
    ssl.setHandshakeTimeout(connectTimeoutMillis(), TimeUnit.MILLISECONDS);
    return ssl;
  }

  /**
   * BoringSSL (netty-tcnative) where its library loads for this platform; the JDK's TLS elsewhere.
   * Asked on the first https URL only: loading the 5 MB library cost every JVM, each processes
   * worker included, time it had no use for on a list of http URLs.
   */
  private static SslProvider tlsProvider() {
    return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
  }

  private Link http1(Channel ch, ExchangeHandler.Owner owner) {
    ExchangeHandler handler = new ExchangeHandler(ch, owner, Head.HTTP_1_1);
    ChannelPipeline p = ch.pipeline();
    // after TLS, if any: the first handler notes that bytes came, before the decoder keeps them
    p.addLast(handler.arrivals(), new ResponseDecoder(), new HttpRequestEncoder(), handler);
    return new Link.Http1(handler);
  }

  /**
   * An HTTP/2 connection is ready once the server's settings arrived: until then its stream limit
   * is unknown, and streams opened beyond it would be refused.
   */
  private void http2(Channel ch, CompletableFuture<Link> linked) {
    Http2FrameCodec codec = Http2FrameCodecBuilder.forClient()
        // a client takes no pushes; a header block is bounded as on HTTP/1.1 (Netty's own default
        // is 8 KiB, which real responses with long policies exceed); the rest are the codec's
        .initialSettings(Http2Settings.defaultSettings().pushEnabled(false).maxHeaderListSize(ResponseDecoder.MAX_HEADERS))
        .build();
    H2Connection connection = new H2Connection(ch, codec);
    ch.pipeline().addLast(codec, new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()),
        new ChannelInboundHandlerAdapter() {
          @Override
          public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Http2SettingsFrame) {
              linked.complete(new Link.Http2(connection));
            }
            ReferenceCountUtil.release(msg);
          }

          @Override
          public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // a TLS 1.3 server that wants a client certificate says so only now, after the handshake
            linked.completeExceptionally(Failures.io(cause));
            ctx.fireExceptionCaught(cause);
          }

          @Override
          public void channelInactive(ChannelHandlerContext ctx) {
            linked.completeExceptionally(Failures.head(new PrematureChannelClosureException("closed"), null));
            ctx.fireChannelInactive();
          }
        });
    ch.eventLoop().schedule(() -> {
      if (linked.completeExceptionally(new HttpConnectTimeoutException("HTTP/2 settings timed out"))) {
        ch.close();
      }
    }, connectTimeoutMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * TLS with our trust and client certificate (Tls): in BoringSSL where its library loads, else the
   * JDK's engine. Host names are checked as the JDK client does (RFC 2818).
   */
  private SslContext tls(boolean offerHttp2) throws IOException {
    SslContext c = offerHttp2 ? offeringH2 : http11Only;
    if (c != null) {
      return c;
    }
    synchronized (this) {
      ApplicationProtocolConfig alpn = new ApplicationProtocolConfig(
          ApplicationProtocolConfig.Protocol.ALPN,
          ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
          ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
          offerHttp2
              ? new String[] {ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1}
              : new String[] {ApplicationProtocolNames.HTTP_1_1});
      SslContextBuilder b = SslContextBuilder.forClient()
          .sslProvider(tlsProvider())
          .trustManager(Tls.trust(settings.tls()))
          .endpointIdentificationAlgorithm("HTTPS")
          .applicationProtocolConfig(alpn);
      KeyManager identity = Tls.identity(settings.tls());
      if (identity != null) {
        b.keyManager(identity);
      }
      c = b.build();
      if (offerHttp2) {
        offeringH2 = c;
      } else {
        http11Only = c;
      }
      return c;
    }
  }

}
