package dev.crawl.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Bodies in content codings, and bombs among them: bodies that decode to far more than is sent,
 * zeros compressed once or in stacked codings.
 */
final class Bombs {
  private Bombs() {}

  /**
   * {@code decoded} zero bytes in a Content-Encoding value: one coding ({@code gzip}, {@code deflate},
   * {@code br}, {@code zstd}) or a list applied left to right ({@code gzip, gzip}).
   */
  static byte[] zeros(String encoding, int decoded) throws IOException {
    byte[] body = new byte[decoded];
    for (String coding : encoding.split(",")) {
      body = encode(coding.trim(), body);
    }
    return body;
  }

  /** {@code raw} in one coding: gzip, deflate (zlib-wrapped, as HTTP's is), br or zstd. */
  static byte[] encode(String coding, byte[] raw) throws IOException {
    return switch (coding) {
      case "gzip" -> stream(raw, GZIPOutputStream::new);
      case "deflate" -> stream(raw, DeflaterOutputStream::new);
      case "br" -> {
        com.aayushatharva.brotli4j.Brotli4jLoader.ensureAvailability();
        yield com.aayushatharva.brotli4j.encoder.Encoder.compress(raw);
      }
      // with the checksum the zstd tool writes by default: without one, bytes changed in the middle
      // may decode to other bytes of the right length, which no decoder can tell
      case "zstd" -> {
        try (var ctx = new com.github.luben.zstd.ZstdCompressCtx()) {
          yield ctx.setLevel(3).setChecksum(true).compress(raw);
        }
      }
      default -> throw new IllegalArgumentException(coding);
    };
  }

  private interface Wrap {
    OutputStream around(OutputStream out) throws IOException;
  }

  private static byte[] stream(byte[] raw, Wrap wrap) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = wrap.around(bytes)) {
      out.write(raw);
    }
    return bytes.toByteArray();
  }
}
