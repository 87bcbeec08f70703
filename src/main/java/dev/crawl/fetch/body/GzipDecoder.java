package dev.crawl.fetch.body;

import dev.crawl.fetch.http.FetchException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Streaming gzip (RFC 1952): header, raw deflate, then CRC-32 and length, checked. Members may be
 * concatenated, as the format allows.
 */
final class GzipDecoder implements BodyDecoder {
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private enum State {
    HEADER,
    BODY,
    TRAILER
  }

  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final byte[] out = new byte[OUTPUT_CHUNK];
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private State state = State.HEADER;
  private long memberBytes;
  private boolean sawMember;
  private boolean fedAnything;

  @Override
  public void feed(ByteBuffer wire, Sink sink) throws IOException {
    byte[] in = new byte[wire.remaining()];
    wire.get(in);
    fedAnything |= in.length > 0;
    int pos = 0;
    while (pos < in.length) {
      switch (state) {
        case HEADER -> {
          pending.write(in, pos, in.length - pos);
          pos = in.length;
          byte[] head = pending.toByteArray();
          int headerLength = headerLength(head);
          if (headerLength < 0) {
            return;
          }
          pending.reset();
          state = State.BODY;
          in = head;
          pos = headerLength;
        }
        case BODY -> pos = inflate(in, pos, sink);
        case TRAILER -> {
          int take = Math.min(8 - pending.size(), in.length - pos);
          pending.write(in, pos, take);
          pos += take;
          if (pending.size() == 8) {
            checkTrailer(pending.toByteArray());
            pending.reset();
            state = State.HEADER;
          }
        }
      }
    }
  }

  private int inflate(byte[] in, int pos, Sink sink) throws IOException {
    inflater.setInput(in, pos, in.length - pos);
    try {
      while (!inflater.finished()) {
        int n = inflater.inflate(out);
        if (n > 0) {
          crc.update(out, 0, n);
          memberBytes += n;
          sink.write(out, 0, n);
        } else if (inflater.needsInput()) {
          return in.length;
        } else if (inflater.needsDictionary()) {
          throw corrupt("a preset dictionary is not allowed");
        }
      }
    } catch (DataFormatException e) {
      throw corrupt(e.getMessage());
    }
    int rest = inflater.getRemaining();
    state = State.TRAILER;
    return in.length - rest;
  }

  private void checkTrailer(byte[] t) throws FetchException {
    long expectedCrc = le32(t, 0);
    long expectedSize = le32(t, 4);
    if (expectedCrc != crc.getValue() || expectedSize != (memberBytes & 0xffffffffL)) {
      throw corrupt("checksum or length does not match");
    }
    sawMember = true;
    inflater.reset();
    crc.reset();
    memberBytes = 0;
  }

  @Override
  public void close() {
    inflater.end();
  }

  @Override
  public void finish() throws IOException {
    inflater.end();
    if (!fedAnything) {
      return; // no body at all (204, HEAD): nothing to decode
    }
    if (state != State.HEADER || pending.size() > 0 || !sawMember) {
      throw corrupt("unexpected end of stream");
    }
  }

  /** The header's length once all of it is here; -1 while more bytes are needed. */
  private static int headerLength(byte[] h) throws FetchException {
    if (h.length < 10) {
      return -1;
    }
    if ((h[0] & 0xff) != 0x1f || (h[1] & 0xff) != 0x8b || h[2] != 8) {
      throw corrupt("not in gzip format");
    }
    int flags = h[3] & 0xff;
    int pos = 10;
    if ((flags & FEXTRA) != 0) {
      if (h.length < pos + 2) {
        return -1;
      }
      pos += 2 + ((h[pos] & 0xff) | (h[pos + 1] & 0xff) << 8);
    }
    for (int flag : new int[] {FNAME, FCOMMENT}) {
      if ((flags & flag) != 0) {
        while (pos < h.length && h[pos] != 0) {
          pos++;
        }
        if (pos >= h.length) {
          return -1;
        }
        pos++;
      }
    }
    if ((flags & FHCRC) != 0) {
      pos += 2;
    }
    return pos <= h.length ? pos : -1;
  }

  private static long le32(byte[] b, int i) {
    return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24;
  }

  private static FetchException corrupt(String why) {
    return new FetchException("corrupt gzip body: " + why, false);
  }
}
