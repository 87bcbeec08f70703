package dev.crawl.fetch.body;

import dev.crawl.fetch.http.FetchException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the bytes on the wire into the bytes to save, as they stream in. The JDK client neither
 * asks for compression nor undoes it; decoding on the fly saves a second temporary file and a
 * second pass over every compressed body.
 */
public interface BodyDecoder {

  /** Where decoded bytes go. */
  interface Sink {
    /** Takes the buffer's remaining bytes, which stay valid only for the call. */
    void write(ByteBuffer bytes) throws IOException;

    default void write(byte[] bytes, int offset, int length) throws IOException {
      write(ByteBuffer.wrap(bytes, offset, length));
    }
  }

  /** Feeds wire bytes; decoded bytes go to {@code sink}. */
  void feed(ByteBuffer wire, Sink sink) throws IOException;

  /** The body ended: fails if the encoded stream was cut short or does not check out. */
  void finish() throws IOException;

  /** The body was abandoned (failure, timeout): frees native memory now, not at some later GC. */
  default void close() {}

  /** True when a Content-Encoding leaves the body as sent: none, empty, or identity. */
  static boolean isIdentity(String encoding) {
    String enc = encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT);
    return enc.isEmpty() || enc.equals("identity");
  }

  /**
   * The decoder for a Content-Encoding header value (null or identity: bytes pass through). A list
   * ({@code gzip, br}) names codings in the order they were applied, so they are undone in reverse.
   */
  static BodyDecoder forEncoding(String encoding) throws FetchException {
    String enc = encoding == null ? "identity" : encoding.trim().toLowerCase(Locale.ROOT);
    if (enc.indexOf(',') < 0) {
      return forCoding(enc);
    }
    List<String> codings = new ArrayList<>();
    for (String c : enc.split(",")) {
      if (!isIdentity(c)) {
        codings.add(c.trim());
      }
    }
    if (codings.size() > StackedDecoder.MAX_LAYERS) {
      throw new FetchException("Content-Encoding with " + codings.size() + " codings (at most "
          + StackedDecoder.MAX_LAYERS + " are undone)", false);
    }
    if (codings.size() <= 1) {
      return forCoding(codings.isEmpty() ? "identity" : codings.get(0));
    }
    List<BodyDecoder> layers = new ArrayList<>();
    try {
      for (int i = codings.size() - 1; i >= 0; i--) {
        layers.add(forCoding(codings.get(i)));
      }
    } catch (FetchException e) {
      layers.forEach(BodyDecoder::close); // a native decoder made before the unknown coding holds memory
      throw e;
    }
    return new StackedDecoder(layers);
  }

  private static BodyDecoder forCoding(String enc) throws FetchException {
    return switch (enc) {
      case "", "identity" -> new Identity();
      case "gzip", "x-gzip" -> new GzipDecoder();
      case "deflate" -> new DeflateDecoder();
      case "br" -> ContentCodings.brotli() ? new BrotliDecoder() : unsupported(enc);
      case "zstd" -> ContentCodings.zstd() ? new ZstdDecoder() : unsupported(enc);
      default -> unsupported(enc);
    };
  }

  private static BodyDecoder unsupported(String encoding) throws FetchException {
    throw new FetchException("unsupported Content-Encoding '" + encoding + "'", false);
  }

  /**
   * Room for inflated bytes, refilled as often as a chunk from the wire needs (the JDK's chunks are
   * 16 KiB by default, 64 KiB from bin/crawl). Allocated once per compressed download; at 64 KiB
   * these buffers were most of all the garbage a run made.
   */
  int OUTPUT_CHUNK = 16 * 1024;

  /**
   * No encoding: bytes pass through as they came, a socket's direct buffer straight to the file
   * (copied through a heap array it cost a sixth of a 10,000-file run's CPU).
   */
  final class Identity implements BodyDecoder {
    @Override
    public void feed(ByteBuffer wire, Sink sink) throws IOException {
      sink.write(wire);
      wire.position(wire.limit());
    }

    @Override
    public void finish() {}
  }
}
