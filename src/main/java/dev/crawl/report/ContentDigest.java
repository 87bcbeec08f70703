package dev.crawl.report;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fingerprint of a whole saved tree that does not depend on the order files finished in: the
 * sum, modulo 2¹²⁸, of SHA-256(path, file digest) over all files. Two runs that saved the same
 * bytes under the same names get the same value, in constant memory.
 */
public final class ContentDigest {
  private long high;
  private long low;
  private long files;

  public synchronized void add(String path, String crc32) {
    byte[] d = sha256().digest((path + '\0' + crc32).getBytes(StandardCharsets.UTF_8));
    ByteBuffer b = ByteBuffer.wrap(d);
    long h = b.getLong();
    long l = b.getLong();
    long sum = low + l;
    high += h + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
    low = sum;
    files++;
  }

  public synchronized String value() {
    return files + ":" + HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
