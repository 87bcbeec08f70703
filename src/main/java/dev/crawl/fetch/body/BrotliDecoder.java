package dev.crawl.fetch.body;

import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import dev.crawl.fetch.http.FetchException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Streaming brotli (RFC 7932) through Google's decoder: wire bytes are pushed in as they arrive and
 * whatever is decoded is written out before the next chunk, so a body never sits in memory whole.
 */
final class BrotliDecoder extends NativeDecoder {
  private final DecoderJNI.Wrapper decoder;
  private final byte[] out = new byte[OUTPUT_CHUNK];

  BrotliDecoder() throws FetchException {
    super("brotli");
    try {
      decoder = new DecoderJNI.Wrapper(OUTPUT_CHUNK);
    } catch (IOException e) {
      throw new FetchException("cannot start the brotli decoder: " + e.getMessage(), false);
    }
  }

  @Override
  public void feed(ByteBuffer wire, Sink sink) throws IOException {
    while (wire.hasRemaining()) {
      fed();
      if (decoder.getStatus() == DecoderJNI.Status.DONE) {
        throw corrupt("data after the end of the stream");
      }
      ByteBuffer in = decoder.getInputBuffer();
      in.clear();
      int n = Math.min(in.remaining(), wire.remaining());
      ByteBuffer slice = wire.slice(wire.position(), n);
      in.put(slice);
      wire.position(wire.position() + n);
      decoder.push(n);
      drain(sink);
    }
  }

  /** Runs the decoder until it has used up what it was given, writing out all it decoded. */
  private void drain(Sink sink) throws IOException {
    while (true) {
      switch (decoder.getStatus()) {
        case OK -> decoder.push(0);
        case NEEDS_MORE_OUTPUT -> write(decoder.pull(), sink);
        case NEEDS_MORE_INPUT, DONE -> {
          while (decoder.hasOutput()) {
            write(decoder.pull(), sink);
          }
          return;
        }
        case ERROR -> throw corrupt("the data is not valid brotli");
      }
    }
  }

  private void write(ByteBuffer decoded, Sink sink) throws IOException {
    while (decoded.hasRemaining()) {
      int n = Math.min(out.length, decoded.remaining());
      decoded.get(out, 0, n);
      sink.write(out, 0, n);
    }
  }

  @Override
  boolean ended() {
    return decoder.getStatus() == DecoderJNI.Status.DONE;
  }

  @Override
  void release() {
    decoder.destroy();
  }
}
