package dev.crawl.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Decodes gzip and deflate bodies: the JDK client neither asks for compression nor undoes it. Runs
 * on a complete temporary file, so a corrupt body is caught before anything gets a final name.
 */
final class ContentDecoder {
  record Decoded(long bytes, byte[] sha256) {}

  private ContentDecoder() {}

  static boolean isIdentity(String encoding) {
    return encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity");
  }

  static Decoded decode(Path raw, Path out, String encoding, long maxBytes) throws IOException {
    String enc = encoding.trim().toLowerCase(Locale.ROOT);
    try (InputStream in = open(raw, enc);
        OutputStream file = Files.newOutputStream(out);
        DigestOutputStream sink = new DigestOutputStream(file, sha256())) {
      byte[] buf = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (maxBytes > 0 && total > maxBytes) {
          throw new FetchException(
              "decoded body exceeds --max-size " + maxBytes + " bytes (" + enc + ")", false);
        }
        sink.write(buf, 0, n);
      }
      return new Decoded(total, sink.getMessageDigest().digest());
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

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
