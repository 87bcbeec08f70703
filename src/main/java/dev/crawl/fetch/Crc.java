package dev.crawl.fetch;

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
}
