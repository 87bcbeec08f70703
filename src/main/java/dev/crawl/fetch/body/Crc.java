package dev.crawl.fetch.body;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.CRC32;

/** The per-file checksum reports carry: CRC-32 (as gzip uses), eight lower-case hex digits. */
public final class Crc {
  private Crc() {}

  public static String hex(long crc32) {
    return HexFormat.of().toHexDigits((int) crc32); // once per download: no format parsing
  }

  public static String of(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    return hex(crc.getValue());
  }

  /** The checksum of a file's bytes, read through once. */
  public static String of(Path file) throws IOException {
    return hex(over(file).getValue());
  }

  /** A checksum that has seen a file's bytes, to go on with what follows them. */
  public static CRC32 over(Path file) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        crc.update(buffer, 0, n);
      }
    }
    return crc;
  }
}
