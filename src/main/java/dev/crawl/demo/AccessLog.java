package dev.crawl.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One line per request served, {@code METHOD PATH}, so that a check can count on the server side
 * what every client asked for. Written through as it comes: a reader may look while the server runs.
 */
final class AccessLog implements AutoCloseable {
  private final BufferedWriter out;
  private boolean closed;

  AccessLog(Path file) throws IOException {
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  synchronized void record(Request request) {
    if (closed) {
      return; // a request answered while the server closes
    }
    try {
      out.write(request.method());
      out.write(' ');
      out.write(request.path());
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    out.close();
  }
}
