package dev.crawl.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1 that sends exactly the bytes it is given, for what a well-behaved
 * server (WireMock's) cannot send: broken framing, or no answer at all. One response per
 * connection; the connection closes after it.
 */
final class RawServer implements AutoCloseable {
  private static final byte[] SILENCE = new byte[0];
  private final Set<String> stalling = ConcurrentHashMap.newKeySet();

  private final ServerSocket listener;
  private final Map<String, byte[]> responses = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final CountDownLatch closed = new CountDownLatch(1);

  /** A server with one healthy file at {@code /healthy}, the URL a fault must not take down with it. */
  static RawServer withHealthyFile() throws IOException {
    return new RawServer().respond("/healthy", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nstill fine");
  }

  RawServer() throws IOException {
    listener = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("raw-server").start(this::accept);
  }

  /** Answers {@code path} with these bytes, written as they are (ISO-8859-1). */
  RawServer respond(String path, String rawResponse) {
    responses.put(path, rawResponse.getBytes(StandardCharsets.ISO_8859_1));
    return this;
  }

  /** Accepts requests for {@code path}, reads them, and never answers. */
  RawServer silent(String path) {
    responses.put(path, SILENCE);
    return this;
  }

  /** Answers {@code path} with these bytes, and then holds the connection open, sending nothing more. */
  RawServer stall(String path, String rawStart) {
    stalling.add(path);
    return respond(path, rawStart);
  }

  /** Requests that arrived for {@code path}. */
  int requests(String path) {
    AtomicInteger n = requests.get(path);
    return n == null ? 0 : n.get();
  }

  String url(String path) {
    return "http://127.0.0.1:" + listener.getLocalPort() + path;
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket s = listener.accept();
        open.add(s);
        Thread.ofVirtual().start(() -> serve(s));
      } catch (IOException closing) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
      String requestLine = in.readLine();
      if (requestLine == null) {
        return;
      }
      for (String header; (header = in.readLine()) != null && !header.isEmpty(); ) {
        // headers are read and ignored
      }
      String path = requestLine.split(" ")[1];
      requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      byte[] response = responses.get(path);
      if (response == SILENCE) {
        closed.await(); // holds the connection open, answering nothing, until the server closes
        return;
      }
      OutputStream out = s.getOutputStream();
      out.write(response != null ? response
          : "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      if (stalling.contains(path)) {
        closed.await();
      }
    } catch (IOException | InterruptedException e) {
      // the client went away
    } finally {
      open.remove(s);
    }
  }

  @Override
  public void close() throws IOException {
    closed.countDown();
    listener.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
