package dev.crawl.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The little of an HTTP/1.1 request the demo server needs: method, path and two headers. */
record Request(String method, String path, boolean keepAlive, boolean acceptsGzip) {

  boolean head() {
    return method.equals("HEAD");
  }

  /** Reads one request head; null at a clean end of the connection. Bodies are not expected. */
  static Request read(InputStream in, int maxBytes) throws IOException {
    String requestLine = line(in, maxBytes);
    while (requestLine != null && requestLine.isEmpty()) {
      requestLine = line(in, maxBytes);
    }
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ");
    if (parts.length != 3) {
      throw new IOException("malformed request line");
    }
    boolean http11 = parts[2].equals("HTTP/1.1");
    boolean keepAlive = http11;
    boolean gzip = false;
    int budget = maxBytes;
    for (String h; (h = line(in, maxBytes)) != null && !h.isEmpty(); ) {
      budget -= h.length();
      if (budget < 0) {
        throw new IOException("request head too large");
      }
      int colon = h.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      if (name.equals("connection")) {
        keepAlive = value.contains("keep-alive") || (http11 && !value.contains("close"));
      } else if (name.equals("accept-encoding")) {
        gzip = value.contains("gzip");
      }
    }
    String target = parts[1];
    int q = target.indexOf('?');
    return new Request(parts[0], q < 0 ? target : target.substring(0, q), keepAlive, gzip);
  }

  private static String line(InputStream in, int maxBytes) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(64);
    for (int c; (c = in.read()) != -1; ) {
      if (c == '\n') {
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      if (b.size() >= maxBytes) {
        throw new IOException("request line too long");
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }
}
