package dev.crawl.crawl;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Ends a stream at {@code max} bytes, as if no more had been sent, and says whether it did. */
final class CappedStream extends FilterInputStream {
  private long left;
  private boolean reached;

  CappedStream(InputStream in, long max) {
    super(in);
    this.left = max;
  }

  /** Whether the stream was read up to the cap, with more to come. */
  boolean reached() {
    return reached;
  }

  @Override
  public int read() throws IOException {
    if (left <= 0) {
      return end();
    }
    int b = super.read();
    if (b >= 0) {
      left--;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (left <= 0) {
      return end();
    }
    int n = super.read(b, off, (int) Math.min(len, left));
    if (n > 0) {
      left -= n;
    }
    return n;
  }

  /** At the cap: whether anything was left is worth one more byte to know. */
  private int end() throws IOException {
    if (!reached) {
      reached = super.read() >= 0;
    }
    return -1;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(Math.min(n, Math.max(0, left)));
    left -= skipped;
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
