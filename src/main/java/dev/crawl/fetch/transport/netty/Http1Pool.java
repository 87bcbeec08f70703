package dev.crawl.fetch.transport.netty;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The idle HTTP/1.1 connections to one route. A request takes the connection that went idle last
 * (the warmest, and the least likely to have been closed by the server meanwhile) or opens one.
 * No cap here: the engine's concurrency and the per-host limit already bound the exchanges, and
 * an exchange holds one connection.
 */
final class Http1Pool implements Http1Connection.Pool {
  private final ArrayDeque<Http1Connection> idle = new ArrayDeque<>();
  private final Supplier<CompletableFuture<Http1Connection>> connect;

  Http1Pool(Supplier<CompletableFuture<Http1Connection>> connect) {
    this.connect = connect;
  }

  /** @param fresh a new connection, for a request a pooled one failed before any answer */
  CompletableFuture<Http1Connection> acquire(boolean fresh) {
    if (!fresh) {
      synchronized (this) {
        for (Http1Connection c; (c = idle.pollLast()) != null; ) {
          if (c.usable()) {
            return CompletableFuture.completedFuture(c);
          }
        }
      }
    }
    return connect.get();
  }

  @Override
  public synchronized void idle(Http1Connection connection) {
    idle.addLast(connection);
  }

  @Override
  public synchronized void gone(Http1Connection connection) {
    idle.remove(connection);
  }

  synchronized int idleCount() {
    return idle.size();
  }
}
