package dev.crawl.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * The latency server behind {@code crawl demo}, {@code crawl serve}, tests and benchmarks. Bound
 * to 127.0.0.1 only. Each request runs on its own virtual thread, so a thousand delayed requests
 * wait side by side instead of queueing.
 */
public final class DemoServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final SiteContent site;
  private final long delayMs;
  private final long jitterMs;
  private final BodyCache bodies;

  private DemoServer(HttpServer server, ExecutorService executor, SiteContent site, long delayMs, long jitterMs) {
    this.server = server;
    this.executor = executor;
    this.site = site;
    this.delayMs = delayMs;
    this.jitterMs = jitterMs;
    this.bodies = new BodyCache(site, 512L << 20);
  }

  /** Starts serving; port 0 picks a free one. */
  public static DemoServer start(int port, SiteContent site, long delayMs, long jitterMs)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    DemoServer demo = new DemoServer(server, executor, site, delayMs, jitterMs);
    server.createContext("/", demo::handle);
    server.setExecutor(executor);
    server.start();
    return demo;
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public SiteContent site() {
    return site;
  }

  public List<URI> fileUrls() {
    return IntStream.range(0, site.files()).mapToObj(i -> base().resolve(site.path(i))).toList();
  }

  /** The URL list as {@code /urls.txt} serves it. */
  public String urlList() {
    StringBuilder b = new StringBuilder();
    fileUrls().forEach(u -> b.append(u).append('\n'));
    return b.toString();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/urls.txt")) {
        send(exchange, 200, "text/plain; charset=utf-8", urlList().getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (path.equals("/")) {
        send(exchange, 200, "text/html; charset=utf-8", index().getBytes(StandardCharsets.UTF_8));
        return;
      }
      int i = site.indexOf(path);
      if (i < 0) {
        send(exchange, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      Thread.sleep(SiteContent.delayMillis(i, delayMs, jitterMs));
      byte[] body = bodies.plain(i);
      String type = site.isText(i) ? "text/plain; charset=us-ascii" : "application/octet-stream";
      String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
      if (site.isText(i) && accept != null && accept.contains("gzip")) {
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        body = bodies.gzipped(i);
      }
      send(exchange, 200, type, body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String index() {
    StringBuilder b = new StringBuilder("<!doctype html><title>crawl demo</title><ul>\n");
    for (int i = 0; i < site.files(); i++) {
      b.append("<li><a href=\"").append(site.path(i)).append("\">").append(site.path(i)).append("</a>\n");
    }
    return b.append("</ul>\n").toString();
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
