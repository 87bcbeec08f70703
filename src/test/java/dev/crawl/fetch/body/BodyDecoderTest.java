package dev.crawl.fetch.body;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import dev.crawl.fetch.http.FetchException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodyDecoderTest {
  private static final byte[] NOISE = noise(100_000);
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
  void undoesStackedCodingsInReverseOrderOfTheirListing() throws IOException {
    byte[] gzipThenBrotli = compress("br", gzip(TEXT));
    assertArrayEquals(TEXT, decode("gzip, br", gzipThenBrotli, 1000));
    assertArrayEquals(TEXT, decode("gzip, identity, gzip", gzip(gzip(TEXT)), 333));
  }

  @Test
  void refusesMoreStackedCodingsThanCurlUndoes() {
    FetchException e = assertThrows(FetchException.class, () -> BodyDecoder.forEncoding("gzip, gzip, gzip, gzip, gzip, gzip"));
    assertEquals("Content-Encoding with 6 codings (at most 5 are undone)", e.getMessage());
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
  void decodesZlibWrappedDeflateFedOneByteAtATime() throws IOException {
    assertArrayEquals(TEXT, decode("deflate", deflate(TEXT, false), 1));
  }

  @Test
  void rejectsZlibWrappedDeflateWithAWrongChecksum() throws IOException {
    byte[] z = deflate(TEXT, false);
    z[z.length - 1] ^= 1;
    FetchException e = assertThrows(FetchException.class, () -> decode("deflate", z, 3));
    assertTrue(e.getMessage().startsWith("corrupt deflate body"), e.getMessage());
  }

  @Test
  void rejectsZlibWrappedDeflateCutInItsChecksum() throws IOException {
    byte[] z = deflate(TEXT, false);
    byte[] cut = Arrays.copyOf(z, z.length - 2);
    FetchException e = assertThrows(FetchException.class, () -> decode("deflate", cut, 100));
    assertTrue(e.getMessage().contains("unexpected end"), e.getMessage());
  }

  @Test
  void rejectsZlibWrappedDeflateThatNeedsAPresetDictionary() throws IOException {
    Deflater withDictionary = new Deflater(6);
    withDictionary.setDictionary("a dictionary".getBytes(StandardCharsets.US_ASCII));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(out, withDictionary)) {
      d.write(TEXT);
    }
    FetchException e = assertThrows(FetchException.class, () -> decode("deflate", out.toByteArray(), 100));
    assertTrue(e.getMessage().contains("preset dictionary"), e.getMessage());
  }

  @Test
  void rejectsDataAfterTheEndOfAZlibWrappedStream() throws IOException {
    byte[] z = deflate(TEXT, false);
    byte[] more = Arrays.copyOf(z, z.length + 4);
    FetchException e = assertThrows(FetchException.class, () -> decode("deflate", more, 100));
    assertTrue(e.getMessage().contains("data after the end"), e.getMessage());
  }

  @Test
  void refusesEncodingsItDidNotAskFor() {
    FetchException e = assertThrows(FetchException.class, () -> BodyDecoder.forEncoding("compress"));
    assertTrue(e.getMessage().contains("unsupported Content-Encoding 'compress'"));
  }

  @Test
  void asksForBrotliAndZstdWhereTheirLibrariesLoad() {
    assertEquals("gzip, deflate, br, zstd", ContentCodings.accepted());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 100, 70_000})
  void decodesBrotliFedInChunksOfAnySize(int chunk) throws Exception {
    assertArrayEquals(TEXT, decode("br", compressBrotli(TEXT), chunk));
    assertArrayEquals(NOISE, decode("br", compressBrotli(NOISE), chunk));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 100, 70_000})
  void decodesZstdFedInChunksOfAnySize(int chunk) throws Exception {
    assertArrayEquals(TEXT, decode("zstd", Zstd.compress(TEXT), chunk));
    assertArrayEquals(NOISE, decode("zstd", Zstd.compress(NOISE), chunk));
  }

  @Test
  void decodesZstdFramesOneAfterAnother() throws Exception {
    byte[] one = Zstd.compress(TEXT);
    byte[] two = Zstd.compress(NOISE);
    byte[] both = Arrays.copyOf(one, one.length + two.length);
    System.arraycopy(two, 0, both, one.length, two.length);
    byte[] expected = Arrays.copyOf(TEXT, TEXT.length + NOISE.length);
    System.arraycopy(NOISE, 0, expected, TEXT.length, NOISE.length);

    assertArrayEquals(expected, decode("zstd", both, 1000));
  }

  @ParameterizedTest
  @ValueSource(strings = {"br", "zstd"})
  void rejectsATruncatedBodyAsCutShort(String coding) throws Exception {
    byte[] whole = compress(coding, TEXT);

    FetchException e = assertThrows(FetchException.class,
        () -> decode(coding, Arrays.copyOf(whole, whole.length - 3), 1000));

    assertTrue(e.getMessage().endsWith("body: unexpected end of stream"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"br", "zstd"})
  void rejectsBytesThatAreNotTheCoding(String coding) {
    FetchException e = assertThrows(FetchException.class, () -> decode(coding, NOISE, 1000));

    assertTrue(e.getMessage().startsWith("corrupt "), e.getMessage());
  }

  @Test
  void rejectsBrotliWithDataAfterItsEnd() throws Exception {
    byte[] whole = compressBrotli(TEXT);
    byte[] more = Arrays.copyOf(whole, whole.length + 10);

    FetchException e = assertThrows(FetchException.class, () -> decode("br", more, 1000));

    // within one chunk the decoder calls it invalid; in a later chunk, data after the end
    assertTrue(e.getMessage().startsWith("corrupt brotli body: "), e.getMessage());
  }

  @Test
  void refusesAZstdFrameThatNeedsAWindowAboveEightMegabytes() throws Exception {
    byte[] big = new byte[9 << 20];
    new SplittableRandom(3).nextBytes(big);
    byte[] frame;
    try (ZstdCompressCtx ctx = new ZstdCompressCtx()) {
      frame = ctx.setLevel(1).setLong(24).compress(big);
    }

    FetchException e = assertThrows(FetchException.class, () -> decode("zstd", frame, 64 * 1024));

    assertTrue(e.getMessage().startsWith("corrupt zstd body: "), e.getMessage());
  }

  private static byte[] compress(String coding, byte[] data) {
    return coding.equals("br") ? compressBrotli(data) : Zstd.compress(data);
  }

  private static byte[] compressBrotli(byte[] data) {
    try {
      Brotli4jLoader.ensureAvailability(); // the encoder, unlike the decoder, does not load its library
      return Encoder.compress(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] decode(String encoding, byte[] wire, int chunk) throws IOException {
    BodyDecoder decoder = BodyDecoder.forEncoding(encoding);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BodyDecoder.Sink sink = b -> {
      byte[] copy = new byte[b.remaining()];
      b.get(copy);
      out.write(copy);
    };
    for (int i = 0; i < wire.length; i += chunk) {
      decoder.feed(ByteBuffer.wrap(wire, i, Math.min(chunk, wire.length - i)), sink);
    }
    decoder.finish();
    return out.toByteArray();
  }

  private static byte[] noise(int size) {
    byte[] b = new byte[size];
    new SplittableRandom(5).nextBytes(b);
    return b;
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
