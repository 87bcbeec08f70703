package dev.crawl.demo;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The latency server behind {@code crawl demo}, {@code crawl serve} and the benchmarks, bound to
 * 127.0.0.1 only. One virtual thread per connection, plain blocking HTTP/1.1 with keep-alive: a
 * thousand delayed requests wait side by side instead of queueing.
 *
 * <p>Why not the JDK's {@code HttpServer}: on this 2-core machine it tops out near 2,400 requests a
 * second, which adds ~40 ms to every round of 100 concurrent requests for any client, curl
 * included, and would hide the differences the benchmarks exist to show.
 */
public final class DemoServer implements AutoCloseable {
  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private final ServerSocket listener;
  private final SiteContent site;
  private final DocsSite docs;
  private final BodyCache bodies;
  private final long delayMs;
  private final long jitterMs;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean closed;
  private volatile AccessLog accessLog;
  private long requests;

  private DemoServer(ServerSocket listener, SiteContent site, DocsSite docs, long delayMs, long jitterMs) {
    this.listener = listener;
    this.site = site;
    this.docs = docs;
    // keep what fits in half the heap: a real-size corpus of 10,000 files is 1.4 GB
    this.bodies = new BodyCache(site, Math.min(512L << 20, Runtime.getRuntime().maxMemory() / 2));
    this.delayMs = delayMs;
    this.jitterMs = jitterMs;
    this.acceptor = Thread.ofPlatform().daemon().name("demo-server-accept").unstarted(this::acceptLoop);
  }

  /** Starts serving; port 0 picks a free one. */
  public static DemoServer start(int port, SiteContent site, long delayMs, long jitterMs) throws IOException {
    return start(port, site, new DocsSite(), delayMs, jitterMs);
  }

  /** Starts serving, with {@code docs} under /docs/ and /static/. */
  public static DemoServer start(int port, SiteContent site, DocsSite docs, long delayMs, long jitterMs)
      throws IOException {
    ServerSocket listener = new ServerSocket();
    listener.setReuseAddress(true);
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
    DemoServer server = new DemoServer(listener, site, docs, delayMs, jitterMs);
    server.acceptor.start();
    return server;
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  public int port() {
    return listener.getLocalPort();
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

  /** From now on, writes a line for every request to {@code file} ({@code serve --access-log}). */
  public void logRequestsTo(java.nio.file.Path file) throws IOException {
    accessLog = new AccessLog(file);
  }

  private synchronized void counted() {
    requests++;
    notifyAll();
  }

  /** Waits until {@code n} requests have arrived; false if the time ran out first. */
  public synchronized boolean awaitRequests(long n, java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (requests < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = listener.accept();
        s.setTcpNoDelay(true);
        open.add(s);
        Thread.ofVirtual().name("demo-conn").start(() -> serveConnection(s));
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void serveConnection(Socket socket) {
    try (socket;
        InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024)) {
      Request request;
      while ((request = Request.read(in, MAX_HEADER_BYTES)) != null) {
        counted();
        AccessLog log = accessLog;
        if (log != null) {
          log.record(request);
        }
        respond(request, out);
        out.flush();
        if (!request.keepAlive()) {
          return;
        }
      }
    } catch (SocketException e) {
      // the client went away; nothing to report
    } catch (IOException | InterruptedException e) {
      // a broken or interrupted connection ends only itself
    } finally {
      open.remove(socket);
    }
  }

  private void respond(Request request, OutputStream out) throws IOException, InterruptedException {
    String path = request.path();
    if (path.equals("/urls.txt")) {
      write(out, request, 200, "text/plain; charset=utf-8", null, urlList().getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (path.equals("/")) {
      write(out, request, 200, "text/html; charset=utf-8", null, index().getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (path.startsWith("/site/")) {
      int page = site.pageIndexOf(path);
      if (page >= 0) {
        write(out, request, 200, "text/html; charset=utf-8", null, site.page(page).getBytes(StandardCharsets.UTF_8));
        return;
      }
    }
    if (path.startsWith("/docs/") || path.startsWith("/static/")) {
      byte[] body = docs.body(path);
      if (body != null) {
        write(out, request, 200, DocsSite.contentType(path), null, body);
        return;
      }
    }
    int i = site.indexOf(path);
    if (i < 0) {
      write(out, request, 404, "text/plain", null, "not found\n".getBytes(StandardCharsets.UTF_8));
      return;
    }
    Thread.sleep(SiteContent.delayMillis(i, delayMs, jitterMs));
    String type = site.isText(i) ? "text/plain; charset=us-ascii" : "application/octet-stream";
    if (site.isText(i) && request.acceptsGzip()) {
      write(out, request, 200, type, "gzip", bodies.gzipped(i));
    } else {
      write(out, request, 200, type, null, bodies.plain(i));
    }
  }

  private static void write(OutputStream out, Request request, int status, String type, String encoding, byte[] body)
      throws IOException {
    StringBuilder h = new StringBuilder(160);
    h.append("HTTP/1.1 ").append(status).append(status == 200 ? " OK" : " Not Found").append("\r\n");
    h.append("Content-Type: ").append(type).append("\r\n");
    if (encoding != null) {
      h.append("Content-Encoding: ").append(encoding).append("\r\n");
    }
    h.append("Content-Length: ").append(body.length).append("\r\n");
    h.append(request.keepAlive() ? "" : "Connection: close\r\n").append("\r\n");
    out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
    if (!request.head()) {
      out.write(body);
    }
  }

  private String index() {
    StringBuilder b = new StringBuilder("<!doctype html><title>crawl demo</title><ul>\n");
    for (int i = 0; i < site.files(); i++) {
      b.append("<li><a href=\"").append(site.path(i)).append("\">").append(site.path(i)).append("</a>\n");
    }
    return b.append("</ul>\n").toString();
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    try (AccessLog log = accessLog) {
      // after the connections: a request still being answered may write its line
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
