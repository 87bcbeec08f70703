package dev.crawl.fetch.transport;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/** What a download hears of its exchange. */
public interface Receiver {

  /**
   * The request went out, on a connection (or HTTP/2 stream) of its own: time from here is time on
   * the wire, time before it a wait for a connection. At most once per exchange.
   */
  void sent();

  /**
   * The response's status line and headers arrived; returns the subscriber its body goes to. The
   * transport reads no more of the body than the subscriber has asked for: reading pauses while the
   * disk lags. A response that has no body (a proxy's refusal) completes the subscriber at once.
   */
  Flow.Subscriber<List<ByteBuffer>> head(Head head);

  /**
   * Hands over an answer that has no body to read, such as a proxy's refusal of a tunnel (407): the
   * subscriber the head returns completes at once.
   */
  default void answeredWithoutBody(Head head) {
    Flow.Subscriber<List<ByteBuffer>> s = head(head);
    s.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {}

      @Override
      public void cancel() {}
    });
    s.onComplete();
  }
}
