package dev.crawl.fetch.transport;

import java.util.concurrent.CompletableFuture;

/** Owns a run's connections and moves the bytes of its exchanges. */
public interface Transport extends AutoCloseable {

  /**
   * Sends one GET. The future completes once the response's head has reached {@code receiver}
   * ({@link Receiver#head}), whose subscriber then gets the body and exactly one of {@code
   * onComplete} or {@code onError} (none once it cancelled). It fails if the exchange fails before
   * any head: the cause is an {@link java.io.IOException} of the kind the JDK client throws
   * ({@link java.net.http.HttpConnectTimeoutException}, {@link java.net.http.HttpTimeoutException}
   * for the response timeout, {@link java.net.ConnectException}, {@link
   * java.net.UnknownHostException}, an {@code SSLException}, or one whose message says what the
   * server sent), so that the reasons users read do not depend on the transport.
   */
  CompletableFuture<Void> send(Request request, Receiver receiver);

  /** Fails every exchange in flight now (Ctrl-C), and any sent after. */
  void abort();

  @Override
  void close();
}
