package dev.crawl.archive;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Writes a WARC record as one gzip member, as jwarc's GZIP compression does, but at a level chosen
 * per record: a payload that is already compressed (a gzip, brotli or zstd body as transferred, an
 * image, a zip) gains nothing from deflate, which still costs 4 s per 100 MB here. Such a payload is
 * stored in the member instead; any gzip reader reads both the same.
 */
final class GzipMembers {
  private static final int SAMPLE = 64 * 1024;

  private GzipMembers() {}

  /** The level for a body: stored when a level-1 deflate of its first 64 KB saves under 5%. */
  static int levelFor(byte[] start) {
    if (start.length < 512) {
      return Deflater.DEFAULT_COMPRESSION;
    }
    Deflater probe = new Deflater(Deflater.BEST_SPEED, true);
    try {
      probe.setInput(start, 0, Math.min(start.length, SAMPLE));
      probe.finish();
      byte[] out = new byte[SAMPLE + 1024];
      int size = 0;
      while (!probe.finished()) {
        size += probe.deflate(out);
      }
      return size > Math.min(start.length, SAMPLE) * 0.95 ? Deflater.NO_COMPRESSION : Deflater.DEFAULT_COMPRESSION;
    } finally {
      probe.end();
    }
  }

  /** Writes {@code record} to {@code out} as a gzip member at {@code level}; leaves {@code out} open. */
  static void write(WarcRecord record, int level, OutputStream out) throws IOException {
    GZIPOutputStream member = new GZIPOutputStream(new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush(); // the member ends; the file goes on
      }
    }, 64 * 1024) {
      {
        def.setLevel(level);
      }
    };
    new WarcWriter(Channels.newChannel(member), WarcCompression.NONE).write(record);
    member.finish();
    member.close();
  }

  /** The member's bytes, for appending later. */
  static byte[] bytes(WarcRecord record, int level, int sizeHint) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint);
    write(record, level, out);
    return out.toByteArray();
  }
}
