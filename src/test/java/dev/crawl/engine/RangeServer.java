package dev.crawl.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file on 127.0.0.1, served as a server that honours ranges does (or one that ignores them),
 * with a way to cut the next response short (the connection drops mid-body, which the JDK's own
 * server will not do), and a journal of the range headers each request sent. One response per
 * connection.
 */
final class RangeServer implements AutoCloseable {
  private static final Pattern FROM = Pattern.compile("bytes=(\\d+)-");

  /** What one request asked for: its Range and If-Range headers, null when absent. */
  record Asked(String range, String ifRange) {}

  private final ServerSocket listener;
  private final List<Asked> journal = new CopyOnWriteArrayList<>();
  private volatile byte[] body;
  private volatile String etag;
  private volatile boolean honoursRanges = true;
  private volatile int cutAfter = -1;

  RangeServer(byte[] body, String etag) throws IOException {
    this.body = body;
    this.etag = etag;
    listener = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("range-server").start(this::accept);
  }

  String url() {
    return "http://127.0.0.1:" + listener.getLocalPort() + "/file.bin";
  }

  /** The next response, whole or a range, stops after this many body bytes and the connection drops. */
  RangeServer cutNextAfter(int bytes) {
    cutAfter = bytes;
    return this;
  }

  RangeServer ignoringRanges() {
    honoursRanges = false;
    return this;
  }

  /** The file changes: a new body under a new ETag (null: none, and so no validator at all). */
  RangeServer changeTo(byte[] newBody, String newEtag) {
    body = newBody;
    etag = newEtag;
    return this;
  }

  List<Asked> journal() {
    return List.copyOf(journal);
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket s = listener.accept();
        Thread.ofVirtual().start(() -> serve(s));
      } catch (IOException closing) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      if (in.readLine() == null) {
        return;
      }
      String range = null;
      String ifRange = null;
      for (String h; (h = in.readLine()) != null && !h.isEmpty(); ) {
        String name = h.substring(0, Math.max(0, h.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
        String value = h.substring(h.indexOf(':') + 1).trim();
        if (name.equals("range")) {
          range = value;
        } else if (name.equals("if-range")) {
          ifRange = value;
        }
      }
      journal.add(new Asked(range, ifRange));
      respond(socket.getOutputStream(), range, ifRange);
    } catch (IOException clientWentAway) {
      // nothing to answer
    }
  }

  private void respond(OutputStream out, String range, String ifRange) throws IOException {
    byte[] b = body;
    String head = (etag == null ? "" : "ETag: " + etag + "\r\n") + "Accept-Ranges: " + (honoursRanges ? "bytes" : "none") + "\r\nConnection: close\r\n";
    Matcher m = range == null ? null : FROM.matcher(range);
    int from = 0;
    if (honoursRanges && m != null && m.matches() && (ifRange == null || ifRange.equals(etag))) {
      from = Integer.parseInt(m.group(1));
      if (from >= b.length) {
        write(out, "HTTP/1.1 416 Range Not Satisfiable\r\n" + head + "Content-Range: bytes */" + b.length
            + "\r\nContent-Length: 0\r\n\r\n");
        return;
      }
      write(out, "HTTP/1.1 206 Partial Content\r\n" + head + "Content-Range: bytes " + from + "-" + (b.length - 1)
          + "/" + b.length + "\r\nContent-Length: " + (b.length - from) + "\r\n\r\n");
    } else {
      write(out, "HTTP/1.1 200 OK\r\n" + head + "Content-Length: " + b.length + "\r\n\r\n");
    }
    int cut = cutAfter;
    cutAfter = -1;
    int end = cut >= 0 ? Math.min(b.length, from + cut) : b.length;
    out.write(b, from, end - from);
    out.flush();
    // closing here, short of Content-Length when cut, is the dropped connection
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
