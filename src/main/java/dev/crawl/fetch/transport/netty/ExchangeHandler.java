package dev.crawl.fetch.transport.netty;

import dev.crawl.fetch.transport.Head;
import dev.crawl.fetch.transport.Receiver;
import dev.crawl.fetch.transport.Request;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The exchanges of one channel, as HTTP objects, the handler at the end of its pipeline: an
 * HTTP/1.1 connection's, one after another, or the one of an HTTP/2 stream. Everything here runs
 * on the channel's event loop.
 */
final class ExchangeHandler extends ChannelInboundHandlerAdapter {

  /** Where the channel goes between exchanges. */
  interface Owner {
    /** The exchange is over and the channel can carry another. */
    void idle(ExchangeHandler handler);

    /** The channel is closed, or closing. */
    void gone(ExchangeHandler handler);
  }

  private final Channel channel;
  private final Owner pool;
  private final String protocol;
  private volatile Exchange current;
  private int served;
  private volatile boolean closing;
  private volatile Throwable brokenBy;

  /** @param protocol as the head reports it: {@link Head#HTTP_1_1} or {@link Head#H2} */
  ExchangeHandler(Channel channel, Owner pool, String protocol) {
    this.channel = channel;
    this.pool = pool;
    this.protocol = protocol;
  }

  Channel channel() {
    return channel;
  }

  /**
   * Goes first in the pipeline and notes that bytes arrived for the exchange, before the decoder
   * holds on to them: a connection closed after bytes that never made a status line was answered
   * with something that is not HTTP; one closed after none, not answered at all.
   */
  ChannelInboundHandlerAdapter arrivals() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Exchange x = current;
        if (x != null) {
          x.answered = true;
        }
        ctx.fireChannelRead(msg);
      }
    };
  }

  boolean usable() {
    return channel.isActive() && !closing && current == null;
  }

  /**
   * Sends one request on this idle connection.
   *
   * @param target the request line's target: the path and query, or the whole URL to a proxy
   * @param head completes once the head reached the receiver; fails with {@link Failures.Stale}
   *     when a connection that served before was found closed
   */
  void send(Request request, String target, boolean toProxy, Receiver receiver, CompletableFuture<Void> head) {
    Exchange x = new Exchange(receiver, head, served > 0);
    current = x;
    receiver.sent();
    FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target);
    req.headers().set(HttpHeaderNames.HOST, Route.authority(request.url()));
    for (Request.Header h : request.headers()) {
      // the credentials of a proxy go to the proxy alone
      if (toProxy || !h.name().equalsIgnoreCase("Proxy-Authorization")) {
        req.headers().add(h.name(), h.value());
      }
    }
    long timeout = request.responseTimeout().toNanos();
    if (timeout > 0) {
      x.timeout = channel.eventLoop().schedule(() -> timedOut(x), timeout, TimeUnit.NANOSECONDS);
    }
    channel.config().setAutoRead(true);
    channel.writeAndFlush(req).addListener(f -> {
      if (!f.isSuccess()) {
        failed(x, f.cause());
      }
    });
  }

  private void timedOut(Exchange x) {
    if (current == x && !x.head.isDone()) {
      fail(x, new HttpTimeoutException("request timed out"));
      close();
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Exchange x = current;
    if (x == null) {
      // nothing was asked: a server talking out of turn
      ReferenceCountUtil.release(msg);
      close();
      return;
    }
    if (msg instanceof HttpResponse r) {
      head(x, r);
    }
    if (msg instanceof HttpContent c && current == x && x.flow != null) {
      content(x, c); // the flow owns the content's buffer now
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  private void head(Exchange x, HttpResponse r) {
    if (r.decoderResult().isFailure()) {
      fail(x, Failures.head(r.decoderResult().cause(), Headers.of(r.headers())));
      close();
      return;
    }
    int status = r.status().code();
    if (status / 100 == 1 && status != 101) {
      return; // 100 Continue, 103 Early Hints: the answer follows
    }
    cancelTimeout(x);
    x.keepAlive = HttpUtil.isKeepAlive(r);
    x.chunked = HttpUtil.isTransferEncodingChunked(r);
    x.declared = HttpUtil.getContentLength(r, -1L);
    Flow.Subscriber<List<ByteBuffer>> subscriber = x.receiver.head(new Head(
        status, Headers.of(r.headers()), protocol, r.status().reasonPhrase(), Headers.lines(r.headers())));
    x.flow = new BodyFlow(channel, subscriber, whole -> ended(x, whole));
    x.head.complete(null);
    x.flow.start();
  }

  private void content(Exchange x, HttpContent c) {
    if (c.decoderResult().isFailure()) {
      c.release();
      x.flow.fail(Failures.body(c.decoderResult().cause()));
      return;
    }
    x.received += c.content().readableBytes();
    boolean last = c instanceof LastHttpContent;
    x.flow.data(c.content());
    if (last) {
      x.flow.end();
    }
  }

  private void ended(Exchange x, boolean whole) {
    if (current != x) {
      return;
    }
    current = null;
    served++;
    if (whole && x.keepAlive && channel.isActive() && !closing) {
      pool.idle(this);
    } else {
      close();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closing = true;
    Exchange x = current;
    if (x != null) {
      if (x.flow == null) {
        fail(x, x.answered ? Failures.head(new IllegalStateException("no status line"), null)
            : x.reused ? new Failures.Stale(null)
            : Failures.head(new io.netty.handler.codec.PrematureChannelClosureException("closed"), null));
      } else {
        x.flow.fail(Failures.closedDuringBody(x.received, x.declared, x.chunked));
      }
    }
    pool.gone(this);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Exchange x = current;
    if (x != null) {
      failed(x, cause);
    } else if (brokenBy == null) {
      // between exchanges (a TLS alert right after the handshake): the next one is told why
      brokenBy = cause;
    }
    close();
  }

  /** What broke this channel while it carried no exchange, or null. */
  Throwable brokenBy() {
    return brokenBy;
  }

  private void failed(Exchange x, Throwable cause) {
    if (x.flow == null) {
      fail(x, x.reused && !x.answered && isReset(cause) ? new Failures.Stale(cause) : Failures.io(cause));
    } else {
      x.flow.fail(Failures.body(cause));
    }
  }

  private static boolean isReset(Throwable cause) {
    String m = String.valueOf(cause.getMessage());
    return m.contains("Connection reset") || m.contains("Broken pipe");
  }

  /** Fails the exchange before its head; the connection is of no further use to it. */
  private void fail(Exchange x, Throwable cause) {
    cancelTimeout(x);
    if (current == x) {
      current = null;
    }
    x.head.completeExceptionally(cause);
  }

  private static void cancelTimeout(Exchange x) {
    if (x.timeout != null) {
      x.timeout.cancel(false);
      x.timeout = null;
    }
  }

  void close() {
    if (!closing) {
      closing = true;
      channel.close();
    }
  }

  /** One request and its response on this connection. */
  private static final class Exchange {
    final Receiver receiver;
    final CompletableFuture<Void> head;
    final boolean reused;
    ScheduledFuture<?> timeout;
    BodyFlow flow;
    boolean keepAlive;
    boolean chunked;
    // bytes came for this exchange, whatever the decoder made of them
    boolean answered;
    long declared = -1;
    long received;

    Exchange(Receiver receiver, CompletableFuture<Void> head, boolean reused) {
      this.receiver = receiver;
      this.head = head;
      this.reused = reused;
    }
  }
}
