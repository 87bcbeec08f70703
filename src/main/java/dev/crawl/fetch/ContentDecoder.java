package dev.crawl.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Decodes gzip and deflate bodies: the JDK client neither asks for compression nor undoes it. Runs
 * on a complete temporary file, so a corrupt body is caught before anything gets a final name.
 */
final class ContentDecoder {
  record Decoded(long bytes, long crc32) {}

  private ContentDecoder() {}

  static boolean isIdentity(String encoding) {
    return encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity");
  }

  static Decoded decode(Path raw, Path out, String encoding, long maxBytes) throws IOException {
    String enc = encoding.trim().toLowerCase(Locale.ROOT);
    try (InputStream in = open(raw, enc);
        OutputStream sink = Files.newOutputStream(out)) {
      CRC32 crc = new CRC32();
      byte[] buf = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (maxBytes > 0 && total > maxBytes) {
          throw new FetchException(
              "decoded body exceeds --max-size " + maxBytes + " bytes (" + enc + ")", false);
        }
        crc.update(buf, 0, n);
        sink.write(buf, 0, n);
      }
      return new Decoded(total, crc.getValue());
    } catch (ZipException | EOFException e) {
      throw new FetchException("corrupt " + enc + " body: " + describe(e), false);
    }
  }

  private static InputStream open(Path raw, String enc) throws IOException {
    InputStream in = Files.newInputStream(raw);
    return switch (enc) {
      case "gzip", "x-gzip" -> new GZIPInputStream(in, 64 * 1024);
      // "deflate" should be zlib-wrapped, but some servers send raw deflate
      case "deflate" -> new InflaterInputStream(in, new Inflater(!hasZlibHeader(raw)), 64 * 1024);
      default -> {
        in.close();
        throw new FetchException("unsupported Content-Encoding '" + enc + "'", false);
      }
    };
  }

  private static boolean hasZlibHeader(Path raw) throws IOException {
    try (InputStream in = Files.newInputStream(raw)) {
      int cmf = in.read();
      int flg = in.read();
      return cmf >= 0 && flg >= 0 && (cmf & 0x0f) == 8 && ((cmf << 8) | flg) % 31 == 0;
    }
  }

  private static String describe(IOException e) {
    return e instanceof EOFException ? "unexpected end of stream" : e.getMessage();
  }
}
