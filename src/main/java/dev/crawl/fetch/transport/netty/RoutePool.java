package dev.crawl.fetch.transport.netty;

import dev.crawl.fetch.transport.Receiver;
import dev.crawl.fetch.transport.Request;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * The connections to one route. HTTP/1.1: idle connections, the one that went idle last taken
 * first (the warmest, and the least likely to have been closed by the server meanwhile), or a new
 * one. HTTP/2: one connection that every exchange shares. No cap here: the engine's concurrency
 * and the per-host limit already bound the exchanges.
 *
 * <p>Over HTTPS the first connection's ALPN answer decides which of the two the route speaks, so
 * exchanges that come while it is being made wait for it rather than each open a connection and
 * a TLS handshake of its own (as curl does before it multiplexes).
 */
final class RoutePool implements ExchangeHandler.Owner {
  interface Opener {
    CompletableFuture<Connector.Link> open(Route route, boolean offerHttp2, String proxyAuthorization,
        ExchangeHandler.Owner owner);
  }

  private final Route route;
  private final Opener opener;
  private final ArrayDeque<ExchangeHandler> idle = new ArrayDeque<>();
  private H2Connection h2;
  // the route's first connection while it is being made (https), which tells h2 from http/1.1
  private CompletableFuture<Connector.Link> probing;

  RoutePool(Route route, Opener opener) {
    this.route = route;
    this.opener = opener;
  }

  /**
   * Sends on a pooled connection or a new one.
   *
   * @param fresh on a new connection: a pooled one was found closed before any answer
   */
  CompletableFuture<Void> send(Request request, String target, Receiver receiver, boolean fresh) {
    boolean toProxy = route.toProxy();
    CompletableFuture<Connector.Link> wait;
    synchronized (this) {
      if (h2 != null && h2.usable() && !fresh) {
        return on(h2, request, target, receiver);
      }
      if (!fresh) {
        for (ExchangeHandler c; (c = idle.pollLast()) != null; ) {
          if (c.usable()) {
            return on(c, request, target, toProxy, receiver);
          }
        }
      }
      if (probing != null && !fresh) {
        wait = probing;
      } else {
        wait = null;
      }
    }
    if (wait != null) {
      // after the first connection is made, try again: it is shared (h2) or taken (http/1.1)
      return wait.handle((link, e) -> null).thenCompose(x -> send(request, target, receiver, false));
    }
    CompletableFuture<Connector.Link> opening =
        opener.open(route, request.offerHttp2(), request.header("Proxy-Authorization"), this);
    if (route.https()) {
      synchronized (this) {
        if (probing == null && h2 == null) {
          probing = opening;
          opening.whenComplete((link, e) -> {
            synchronized (this) {
              probing = null;
            }
          });
        }
      }
    }
    return opening.thenCompose(link -> switch (link) {
      case Connector.Link.Http2 l -> {
        synchronized (this) {
          h2 = l.connection();
        }
        yield on(l.connection(), request, target, receiver);
      }
      case Connector.Link.Http1 l -> on(l.handler(), request, target, toProxy, receiver);
    });
  }

  private static CompletableFuture<Void> on(H2Connection c, Request request, String target, Receiver receiver) {
    CompletableFuture<Void> head = new CompletableFuture<>();
    c.send(request, target, receiver, head);
    return head;
  }

  private static CompletableFuture<Void> on(ExchangeHandler c, Request request, String target, boolean toProxy,
      Receiver receiver) {
    CompletableFuture<Void> head = new CompletableFuture<>();
    c.channel().eventLoop().execute(() -> {
      if (c.usable()) {
        c.send(request, target, toProxy, receiver, head);
      } else {
        Throwable broken = c.brokenBy();
        head.completeExceptionally(broken != null ? Failures.io(broken) : new Failures.Stale(null));
      }
    });
    return head;
  }

  @Override
  public synchronized void idle(ExchangeHandler connection) {
    idle.addLast(connection);
  }

  @Override
  public synchronized void gone(ExchangeHandler connection) {
    idle.remove(connection);
  }
}
