package dev.crawl.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BodyDecoderTest {
  private static final byte[] TEXT =
      "the same words again and again, ".repeat(4000).getBytes(StandardCharsets.US_ASCII);

  @Test
  void decodesGzipFedOneByteAtATime() throws IOException {
    assertArrayEquals(TEXT, decode("gzip", gzip(TEXT), 1));
  }

  @Test
  void decodesGzipInLargeChunks() throws IOException {
    assertArrayEquals(TEXT, decode("gzip", gzip(TEXT), 65536));
  }

  @Test
  void decodesConcatenatedGzipMembers() throws IOException {
    byte[] a = gzip("first ".getBytes(StandardCharsets.US_ASCII));
    byte[] b = gzip("second".getBytes(StandardCharsets.US_ASCII));
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    assertArrayEquals("first second".getBytes(StandardCharsets.US_ASCII), decode("gzip", both, 7));
  }

  @Test
  void rejectsGzipWithAWrongChecksum() throws IOException {
    byte[] z = gzip(TEXT);
    z[z.length - 6] ^= 1;
    FetchException e = assertThrows(FetchException.class, () -> decode("gzip", z, 1000));
    assertTrue(e.getMessage().startsWith("corrupt gzip body"), e.getMessage());
  }

  @Test
  void rejectsTruncatedGzip() throws IOException {
    byte[] z = gzip(TEXT);
    byte[] cut = Arrays.copyOf(z, z.length / 2);
    FetchException e = assertThrows(FetchException.class, () -> decode("gzip", cut, 1000));
    assertTrue(e.getMessage().contains("unexpected end"), e.getMessage());
  }

  @Test
  void rejectsBytesThatAreNotGzip() {
    byte[] notGzip = "plain text pretending".getBytes(StandardCharsets.US_ASCII);
    assertThrows(FetchException.class, () -> decode("gzip", notGzip, 1000));
  }

  @Test
  void decodesZlibWrappedDeflate() throws IOException {
    assertArrayEquals(TEXT, decode("deflate", deflate(TEXT, false), 100));
  }

  @Test
  void decodesRawDeflateAsSomeServersSendIt() throws IOException {
    assertArrayEquals(TEXT, decode("deflate", deflate(TEXT, true), 100));
  }

  @Test
  void refusesEncodingsItDidNotAskFor() {
    FetchException e = assertThrows(FetchException.class, () -> BodyDecoder.forEncoding("br"));
    assertTrue(e.getMessage().contains("unsupported Content-Encoding 'br'"));
  }

  private static byte[] decode(String encoding, byte[] wire, int chunk) throws IOException {
    BodyDecoder decoder = BodyDecoder.forEncoding(encoding);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < wire.length; i += chunk) {
      decoder.feed(ByteBuffer.wrap(wire, i, Math.min(chunk, wire.length - i)), out::write);
    }
    decoder.finish();
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] data, boolean raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(6, raw))) {
      d.write(data);
    }
    return out.toByteArray();
  }
}
