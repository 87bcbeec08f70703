package dev.crawl.fetch.transport.netty;

import dev.crawl.fetch.transport.Head;
import dev.crawl.fetch.transport.Receiver;
import dev.crawl.fetch.transport.Request;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * One HTTP/2 connection, which every exchange to its route shares, each on a stream of its own.
 * Streams beyond the server's SETTINGS_MAX_CONCURRENT_STREAMS wait here for one to end: the codec
 * knows the limit from the server's settings, where the JDK client only learnt it from refusals.
 */
final class H2Connection {
  private final Channel parent;
  private final Http2FrameCodec codec;
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private int open;

  H2Connection(Channel parent, Http2FrameCodec codec) {
    this.parent = parent;
    this.codec = codec;
  }

  /** It can take new streams: open, and the server has not said it is going away. */
  boolean usable() {
    return parent.isActive() && !codec.connection().goAwayReceived();
  }

  Channel channel() {
    return parent;
  }

  /** Sends on a stream of its own, now or once one is free. */
  void send(Request request, String target, Receiver receiver, CompletableFuture<Void> head) {
    Runnable go = () -> open(request, target, receiver, head);
    synchronized (this) {
      if (open >= limit()) {
        waiting.add(go);
        return;
      }
      open++;
    }
    go.run();
  }

  private int limit() {
    return Math.max(1, codec.connection().local().maxActiveStreams());
  }

  private void open(Request request, String target, Receiver receiver, CompletableFuture<Void> head) {
    if (!usable()) {
      ended();
      head.completeExceptionally(new Failures.Stale(null));
      return;
    }
    new Http2StreamChannelBootstrap(parent)
        .handler(new ChannelInitializer<Http2StreamChannel>() {
          @Override
          protected void initChannel(Http2StreamChannel stream) {
            stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(false), new ExchangeHandler(stream, ONE_EXCHANGE, Head.H2));
          }
        })
        .open()
        .addListener(f -> {
          if (!f.isSuccess()) {
            ended();
            head.completeExceptionally(Failures.io(f.cause()));
            return;
          }
          Http2StreamChannel stream = (Http2StreamChannel) f.getNow();
          // a stream's channel closes while the codec is still reading its last frame, and counts
          // the stream active until that returns: the next stream waits until it has
          stream.closeFuture().addListener(closed -> parent.eventLoop().execute(this::ended));
          stream.pipeline().get(ExchangeHandler.class).send(request, target, false, receiver, head);
        });
  }

  /** A stream ended: the next waiting exchange takes its place. */
  private void ended() {
    Runnable next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        open--;
        return;
      }
    }
    next.run();
  }

  /** A stream carries one exchange, then closes. */
  private static final ExchangeHandler.Owner ONE_EXCHANGE = new ExchangeHandler.Owner() {
    @Override
    public void idle(ExchangeHandler handler) {
      handler.close();
    }

    @Override
    public void gone(ExchangeHandler handler) {}
  };
}
