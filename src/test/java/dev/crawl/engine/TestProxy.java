package dev.crawl.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small forward HTTP proxy on 127.0.0.1, as squid or a corporate proxy behaves: CONNECT tunnels
 * for https, absolute-form requests for http, optionally Basic credentials (407 without them). It
 * records each request line it was asked, with the Proxy-Authorization it carried.
 */
final class TestProxy implements AutoCloseable {
  /** One request the proxy received. */
  record Seen(String requestLine, String proxyAuthorization) {}

  private final ServerSocket server;
  private final String requiredAuthorization;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Socket> open = new ConcurrentLinkedQueue<>();

  /** @param userColonPassword credentials to demand, or null for an open proxy */
  TestProxy(String userColonPassword) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    requiredAuthorization = userColonPassword == null ? null
        : "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    threads.submit(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  String address() {
    return "http://127.0.0.1:" + port();
  }

  List<Seen> seen() {
    return new ArrayList<>(seen);
  }

  private Void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        open.add(client);
        threads.submit(() -> serve(client));
      } catch (IOException closed) {
        return null;
      }
    }
    return null;
  }

  private Void serve(Socket client) throws IOException {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      List<String> head = readHead(in);
      if (head.isEmpty()) {
        return null;
      }
      String requestLine = head.get(0);
      String auth = header(head, "proxy-authorization");
      seen.add(new Seen(requestLine, auth));
      if (requiredAuthorization != null && !requiredAuthorization.equals(auth)) {
        out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
            + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return null;
      }
      String[] parts = requestLine.split(" ");
      if (parts[0].equals("CONNECT")) {
        String[] hostPort = parts[1].split(":");
        try (Socket target = connect(hostPort[0], Integer.parseInt(hostPort[1]))) {
          out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          pipe(client, target);
        }
        return null;
      }
      URI url = URI.create(parts[1]);
      try (Socket target = connect(url.getHost(), url.getPort())) {
        StringBuilder forward = new StringBuilder(parts[0] + " " + url.getRawPath()
            + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()) + " " + parts[2] + "\r\n");
        for (String h : head.subList(1, head.size())) {
          String name = h.substring(0, Math.max(0, h.indexOf(':'))).toLowerCase(Locale.ROOT);
          if (!name.startsWith("proxy-") && !name.equals("connection")) {
            forward.append(h).append("\r\n");
          }
        }
        forward.append("Connection: close\r\n\r\n");
        target.getOutputStream().write(forward.toString().getBytes(StandardCharsets.ISO_8859_1));
        target.getInputStream().transferTo(out);
      }
      return null;
    }
  }

  private Socket connect(String host, int port) throws IOException {
    Socket s = new Socket(host, port);
    open.add(s);
    return s;
  }

  /** Copies both ways until either side closes. */
  private void pipe(Socket client, Socket target) throws IOException {
    var upstream = threads.submit(() -> {
      try {
        client.getInputStream().transferTo(target.getOutputStream());
      } catch (IOException closed) {
        // the other direction ends it
      }
      target.shutdownOutput();
      return null;
    });
    try {
      target.getInputStream().transferTo(client.getOutputStream());
    } catch (IOException closed) {
      // done
    }
    upstream.cancel(true);
  }

  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b; (b = in.read()) >= 0; ) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
        if (text.isEmpty()) {
          return lines;
        }
        lines.add(text);
        line.reset();
      } else {
        line.write(b);
      }
    }
    return lines;
  }

  private static String header(List<String> head, String name) {
    for (String h : head) {
      int colon = h.indexOf(':');
      if (colon > 0 && h.substring(0, colon).strip().equalsIgnoreCase(name)) {
        return h.substring(colon + 1).strip();
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
    threads.shutdownNow();
  }
}
