package dev.crawl.fetch.body;

import dev.crawl.fetch.http.FetchException;
import java.io.IOException;

/**
 * A decoder over a native library (brotli, zstd): its memory is outside the heap, so it is freed as
 * soon as the body ends or is abandoned, and only once.
 */
abstract class NativeDecoder implements BodyDecoder {
  private final String coding;
  private boolean fedAnything;
  private boolean closed;

  /** @param coding its name in reasons: "corrupt brotli body: …" */
  NativeDecoder(String coding) {
    this.coding = coding;
  }

  /** Notes that the body was not empty: an empty one needs no end of stream. */
  final void fed() {
    fedAnything = true;
  }

  /** True when the stream reached its proper end. */
  abstract boolean ended();

  /** Frees the library's memory. */
  abstract void release();

  @Override
  public final void finish() throws IOException {
    boolean complete = !fedAnything || ended();
    close();
    if (!complete) {
      throw corrupt("unexpected end of stream");
    }
  }

  @Override
  public final void close() {
    if (!closed) {
      closed = true;
      release();
    }
  }

  final FetchException corrupt(String why) {
    return new FetchException("corrupt " + coding + " body: " + why, false);
  }
}
