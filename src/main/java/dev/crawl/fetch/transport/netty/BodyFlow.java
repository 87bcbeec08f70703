package dev.crawl.fetch.transport.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * A response body on its way from a channel to the download's subscriber, at the subscriber's
 * pace: the channel reads only while the subscriber has asked for more ({@code autoRead} off, one
 * {@code read()} per demand), so a slow disk slows the socket, not the heap. Everything runs on
 * the channel's event loop; a request from another thread is passed there.
 */
final class BodyFlow implements Flow.Subscription {
  /** What happens once the body is over, read to its end or not. */
  interface Ending {
    /** @param whole the body was read to its end, so the connection can serve another exchange */
    void ended(boolean whole);
  }

  private final Channel channel;
  private final Flow.Subscriber<List<ByteBuffer>> subscriber;
  private final Ending ending;
  private final ArrayDeque<ByteBuf> waiting = new ArrayDeque<>();
  private long demand;
  private boolean last;
  private Throwable failure;
  private boolean delivering;
  private boolean done;

  BodyFlow(Channel channel, Flow.Subscriber<List<ByteBuffer>> subscriber, Ending ending) {
    this.channel = channel;
    this.subscriber = subscriber;
    this.ending = ending;
  }

  /** Hands the subscriber its subscription; reading waits for its first request. */
  void start() {
    channel.config().setAutoRead(false);
    subscriber.onSubscribe(this);
  }

  /** A piece of the body arrived; this flow owns the buffer now. */
  void data(ByteBuf content) {
    if (done || !content.isReadable()) {
      content.release();
      return;
    }
    waiting.add(content);
    deliver();
  }

  /** The body's last byte arrived. */
  void end() {
    last = true;
    deliver();
  }

  /** The body cannot be read to its end. */
  void fail(Throwable cause) {
    if (failure == null) {
      failure = cause;
    }
    deliver();
  }

  boolean isDone() {
    return done;
  }

  @Override
  public void request(long n) {
    if (!channel.eventLoop().inEventLoop()) {
      channel.eventLoop().execute(() -> request(n));
      return;
    }
    if (n <= 0 || done) {
      return;
    }
    demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
    deliver();
  }

  @Override
  public void cancel() {
    if (!channel.eventLoop().inEventLoop()) {
      channel.eventLoop().execute(this::cancel);
      return;
    }
    if (!done) {
      finish(false);
    }
  }

  /**
   * Passes on what the subscriber asked for, in a loop rather than by recursion: a subscriber asks
   * for the next piece from inside {@code onNext}.
   */
  private void deliver() {
    if (delivering || done) {
      return;
    }
    delivering = true;
    try {
      while (!done && demand > 0 && !waiting.isEmpty()) {
        demand--;
        ByteBuf b = waiting.poll();
        try {
          subscriber.onNext(List.of(b.nioBuffer()));
        } finally {
          b.release();
        }
      }
      if (done) {
        return;
      }
      // a body read to its end stays whole, whatever happens to the connection after it
      if (waiting.isEmpty() && last) {
        finish(true);
        subscriber.onComplete();
      } else if (waiting.isEmpty() && failure != null) {
        finish(false);
        subscriber.onError(failure);
      } else if (waiting.isEmpty() && demand > 0) {
        channel.read();
      }
    } finally {
      delivering = false;
    }
  }

  private void finish(boolean whole) {
    done = true;
    waiting.forEach(ByteBuf::release);
    waiting.clear();
    ending.ended(whole);
  }
}
