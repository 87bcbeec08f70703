package dev.crawl.fetch.body;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Streaming zstd (RFC 8878) through the reference library. Frames may follow one another. The
 * window is held to 8 MiB, as RFC 9659 asks of HTTP decoders: a server cannot make each of hundreds
 * of downloads in flight reserve the format's 128 MiB.
 */
final class ZstdDecoder extends NativeDecoder {
  /** 2^23 bytes: RFC 9659's limit for Content-Encoding: zstd. */
  private static final int WINDOW_LOG_MAX = 23;

  private final ZstdDecompressCtx context = new ZstdDecompressCtx().setLongMax(WINDOW_LOG_MAX);
  private final ByteBuffer out = ByteBuffer.allocate(OUTPUT_CHUNK);
  private boolean frameEnded = true;

  ZstdDecoder() {
    super("zstd");
  }

  @Override
  public void feed(ByteBuffer wire, Sink sink) throws IOException {
    ByteBuffer in = wire.hasArray() ? wire : copy(wire);
    if (in.hasRemaining()) {
      fed();
    }
    try {
      // a full output buffer may leave more decoded bytes inside: ask again until one is not full
      do {
        out.clear();
        frameEnded = context.decompressByteBufferStream(out, in);
        if (out.position() > 0) {
          sink.write(out.array(), 0, out.position());
        }
      } while (in.hasRemaining() || out.position() == out.capacity());
    } catch (ZstdException e) {
      throw corrupt(e.getMessage());
    }
    if (in != wire) {
      wire.position(wire.limit());
    }
  }

  private static ByteBuffer copy(ByteBuffer direct) {
    ByteBuffer heap = ByteBuffer.allocate(direct.remaining());
    heap.put(direct.duplicate()).flip();
    return heap;
  }

  @Override
  boolean ended() {
    return frameEnded;
  }

  @Override
  void release() {
    context.close();
  }
}
