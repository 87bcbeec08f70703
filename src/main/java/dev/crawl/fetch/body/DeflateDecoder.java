package dev.crawl.fetch.body;

import dev.crawl.fetch.http.FetchException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Streaming "deflate": zlib-wrapped as the spec says, or raw deflate as some servers send. */
final class DeflateDecoder implements BodyDecoder {
  private final byte[] out = new byte[OUTPUT_CHUNK];
  private Inflater inflater;
  private byte[] firstByte; // a first chunk of one byte: the zlib header needs two to be told apart

  @Override
  public void feed(ByteBuffer wire, Sink sink) throws IOException {
    byte[] in = new byte[wire.remaining() + (firstByte == null ? 0 : 1)];
    if (firstByte != null) {
      in[0] = firstByte[0];
      firstByte = null;
    }
    wire.get(in, in.length - wire.remaining(), wire.remaining());
    if (in.length == 0) {
      return;
    }
    if (inflater == null) {
      if (in.length == 1) {
        firstByte = in;
        return;
      }
      inflater = new Inflater(!isZlibHeader(in[0], in[1]));
    }
    if (inflater.finished()) {
      throw corrupt("data after the end of the stream");
    }
    inflater.setInput(in);
    try {
      while (!inflater.finished() && !inflater.needsInput()) {
        int n = inflater.inflate(out);
        if (n > 0) {
          sink.write(out, 0, n);
        } else if (inflater.needsDictionary()) {
          throw corrupt("a preset dictionary is not allowed");
        }
      }
    } catch (DataFormatException e) {
      throw corrupt(e.getMessage());
    }
    if (inflater.finished() && inflater.getRemaining() > 0) {
      throw corrupt("data after the end of the stream");
    }
  }

  @Override
  public void close() {
    if (inflater != null) {
      inflater.end();
    }
  }

  @Override
  public void finish() throws IOException {
    boolean complete = inflater == null ? firstByte == null : inflater.finished(); // no body at all is fine
    if (inflater != null) {
      inflater.end();
    }
    if (!complete) {
      throw corrupt("unexpected end of stream");
    }
  }

  private static boolean isZlibHeader(byte cmf, byte flg) {
    return (cmf & 0x0f) == 8 && (((cmf & 0xff) << 8) | (flg & 0xff)) % 31 == 0;
  }

  private static FetchException corrupt(String why) {
    return new FetchException("corrupt deflate body: " + why, false);
  }
}
