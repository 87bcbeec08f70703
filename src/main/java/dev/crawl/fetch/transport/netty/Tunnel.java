package dev.crawl.fetch.transport.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.concurrent.CompletableFuture;

/**
 * A CONNECT tunnel through a forward proxy, for https: asks the proxy for a connection to the
 * origin, with the proxy's credentials, and leaves the channel as a plain pipe once the proxy says
 * 200. Any other answer (407: credentials wanted) ends the exchange with that answer, as the JDK
 * client reports it.
 */
final class Tunnel extends ChannelInboundHandlerAdapter {

  /** The proxy answered the CONNECT with something other than 200: the exchange's answer. */
  static final class Refused extends IOException {
    final int status;
    final transient HttpHeaders headers;

    Refused(int status, HttpHeaders headers) {
      super("the proxy answered CONNECT with HTTP " + status);
      this.status = status;
      this.headers = headers;
    }
  }

  private final CompletableFuture<Channel> open;
  private HttpResponse answer;

  private Tunnel(CompletableFuture<Channel> open) {
    this.open = open;
  }

  /**
   * Asks for the tunnel on a connected channel; completes with the channel once it is a pipe.
   *
   * @param timeoutMillis how long the proxy may take to answer (the connect timeout: the tunnel is
   *     part of connecting)
   */
  static CompletableFuture<Channel> through(Channel ch, Route route, String proxyAuthorization, long timeoutMillis) {
    CompletableFuture<Channel> open = new CompletableFuture<>();
    ch.eventLoop().schedule(() -> {
      if (open.completeExceptionally(new java.net.http.HttpConnectTimeoutException(
          "timed out waiting for the proxy's answer to CONNECT"))) {
        ch.close();
      }
    }, timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    ch.pipeline().addLast("tunnel-decoder", ResponseDecoder.forConnect());
    ch.pipeline().addLast("tunnel-encoder", new HttpRequestEncoder());
    ch.pipeline().addLast("tunnel", new Tunnel(open));
    DefaultFullHttpRequest connect =
        new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.CONNECT, route.hostAndPort());
    connect.headers().set(HttpHeaderNames.HOST, route.hostAndPort());
    if (proxyAuthorization != null) {
      connect.headers().set(HttpHeaderNames.PROXY_AUTHORIZATION, proxyAuthorization);
    }
    ch.writeAndFlush(connect).addListener(f -> {
      if (!f.isSuccess()) {
        open.completeExceptionally(Failures.io(f.cause()));
      }
    });
    return open;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof HttpResponse r) {
        if (r.decoderResult().isFailure()) {
          open.completeExceptionally(Failures.head(r.decoderResult().cause(), null));
          ctx.close();
          return;
        }
        answer = r;
      }
      if (msg instanceof LastHttpContent && answer != null) {
        if (answer.status().code() == 200) {
          ctx.pipeline().remove("tunnel-decoder");
          ctx.pipeline().remove("tunnel-encoder");
          ctx.pipeline().remove(this);
          open.complete(ctx.channel());
        } else {
          open.completeExceptionally(new Refused(answer.status().code(), Headers.of(answer.headers())));
          ctx.close();
        }
      }
    } finally {
      if (msg instanceof HttpContent || msg instanceof HttpResponse) {
        ReferenceCountUtil.release(msg);
      }
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    open.completeExceptionally(new IOException("the proxy closed the connection before the tunnel was open"));
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    open.completeExceptionally(Failures.io(cause));
    ctx.close();
  }
}
