package dev.crawl.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.zip.GZIPOutputStream;

/**
 * Keeps generated bodies (plain and gzipped) so the server spends its CPU on serving, not on
 * regenerating: otherwise, on a 2-core machine, the server's work would skew the client's numbers.
 * Bounded by a byte budget; past it, bodies are generated per request.
 */
final class BodyCache {
  private final SiteContent site;
  private final AtomicReferenceArray<byte[]> plain;
  private final AtomicReferenceArray<byte[]> gzipped;
  private final AtomicLong budget;

  BodyCache(SiteContent site, long budgetBytes) {
    this.site = site;
    this.plain = new AtomicReferenceArray<>(site.files());
    this.gzipped = new AtomicReferenceArray<>(site.files());
    this.budget = new AtomicLong(budgetBytes);
  }

  byte[] plain(int i) {
    return cached(plain, i, () -> site.body(i));
  }

  byte[] gzipped(int i) {
    return cached(gzipped, i, () -> gzip(plain(i)));
  }

  private byte[] cached(AtomicReferenceArray<byte[]> slots, int i, java.util.function.Supplier<byte[]> make) {
    byte[] b = slots.get(i);
    if (b != null) {
      return b;
    }
    b = make.get();
    if (budget.addAndGet(-b.length) >= 0) {
      slots.compareAndSet(i, null, b);
    } else {
      budget.addAndGet(b.length);
    }
    return b;
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
