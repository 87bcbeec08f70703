package dev.crawl.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.netpreserve.jwarc.WarcDigest;

/**
 * A response body as it came off the wire, before any content decoding, for the archive: kept in
 * memory up to 1 MiB and spooled to a temporary file past that, with both of the record's digests
 * computed as it arrives (the payload's, and the block's: the head, then the payload), so that
 * nothing is read twice.
 */
public final class RawCopy {
  private static final int IN_MEMORY = 1 << 20;

  private final Path spoolDir;
  private final MessageDigest sha1 = sha1();
  private final MessageDigest blockSha1 = sha1();
  private final byte[] head;
  private final ByteArrayOutputStream memory = new ByteArrayOutputStream();
  private Path spool;
  private OutputStream spoolOut;
  private long length;

  /**
   * @param head the response's status line and headers, which the record's block starts with
   * @param spoolDir where a large body is spooled until it is archived
   */
  public RawCopy(byte[] head, Path spoolDir) {
    this.head = head;
    this.spoolDir = spoolDir;
    blockSha1.update(head);
  }

  /** The bytes as received; the buffer's position is left as it was. */
  public synchronized void write(ByteBuffer received) throws IOException {
    ByteBuffer b = received.duplicate();
    byte[] chunk = new byte[b.remaining()];
    b.get(chunk);
    sha1.update(chunk);
    blockSha1.update(chunk);
    length += chunk.length;
    if (spoolOut == null && memory.size() + chunk.length > IN_MEMORY) {
      Files.createDirectories(spoolDir);
      spool = Files.createTempFile(spoolDir, "body-", ".raw");
      spoolOut = Files.newOutputStream(spool);
      memory.writeTo(spoolOut);
      memory.reset();
    }
    (spoolOut != null ? spoolOut : memory).write(chunk);
  }

  /** The body, complete: no more writes. */
  public synchronized Body finish() throws IOException {
    if (spoolOut != null) {
      spoolOut.close();
    }
    return new Body(head, spool == null ? memory.toByteArray() : null, spool, length, new WarcDigest(sha1),
        new WarcDigest(blockSha1));
  }

  /** Drops what was kept: the exchange will not be archived. */
  public synchronized void discard() {
    try {
      if (spoolOut != null) {
        spoolOut.close();
      }
      if (spool != null) {
        Files.deleteIfExists(spool);
      }
    } catch (IOException ignored) {
      // a spool file left over is only disk space in the report directory
    }
  }

  /**
   * A finished response: its head, and its body in memory or in a spool file the archive deletes
   * once written.
   *
   * @param sha1 the payload digest
   * @param blockSha1 the digest of head and body together
   */
  public record Body(byte[] head, byte[] bytes, Path spool, long length, WarcDigest sha1, WarcDigest blockSha1) {
    /** The body's first bytes (all of it when it is in memory), to judge how well it compresses. */
    byte[] start() throws IOException {
      if (bytes != null) {
        return bytes;
      }
      try (var in = Files.newInputStream(spool)) {
        return in.readNBytes(64 * 1024);
      }
    }

    ReadableByteChannel open() throws IOException {
      return bytes != null ? Channels.newChannel(new java.io.ByteArrayInputStream(bytes)) : FileChannel.open(spool);
    }

    void release() {
      if (spool != null) {
        try {
          Files.deleteIfExists(spool);
        } catch (IOException ignored) {
          // as above
        }
      }
    }
  }

  static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
