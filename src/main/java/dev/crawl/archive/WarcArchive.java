package dev.crawl.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Deflater;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.Warcinfo;

/**
 * A WARC file (or a numbered series of them, {@code --warc-max-size}) that a run's exchanges are
 * written to as they finish: a warcinfo record at the start of each file, then for every exchange
 * its request and its response, linked by WARC-Concurrent-To; a response whose payload an earlier
 * one in this archive had already is written as a revisit, headers only. Each record is its own
 * gzip member and is written whole, so a file cut short by a kill is valid up to its last complete
 * record.
 */
public final class WarcArchive implements AutoCloseable {
  /** Where an earlier payload with the same digest was archived. */
  private record Original(URI recordId, URI target, Instant date) {}

  private static final MessageVersion WARC = MessageVersion.WARC_1_1;

  private final WarcOptions options;
  private final Map<String, List<String>> info;
  private final Map<String, Original> payloads = new HashMap<>();
  private FileChannel channel;
  private OutputStream file;
  private int fileNumber;
  private String fileName;
  // the index of the file being written, with --warc-cdx; null without
  private CdxjIndex index;

  private WarcArchive(WarcOptions options, Map<String, List<String>> info) {
    this.options = options;
    this.info = info;
  }

  /** @param software what wrote it, for the warcinfo record */
  public static WarcArchive open(WarcOptions options, String software) throws IOException {
    Map<String, List<String>> info = new LinkedHashMap<>();
    info.put("software", List.of(software));
    info.put("format", List.of("WARC File Format 1.1"));
    info.put("conformsTo", List.of("https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"));
    WarcArchive archive = new WarcArchive(options, info);
    archive.startFile();
    return archive;
  }

  private void startFile() throws IOException {
    fileName = options.maxBytes() > 0 ? WarcFiles.numbered(options.file(), fileNumber) : options.file();
    Path path = Path.of(fileName);
    if (path.getParent() != null) {
      Files.createDirectories(path.getParent());
    }
    channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    file = Channels.newOutputStream(channel);
    index = options.cdx() ? new CdxjIndex() : null;
    GzipMembers.write(new Warcinfo.Builder().version(WARC).date(Instant.now()).filename(path.getFileName().toString())
        .fields(info).build(), Deflater.DEFAULT_COMPRESSION, file);
  }

  /**
   * Archives one exchange; a body spooled to disk is deleted once written. The records of a body
   * held in memory are compressed before the lock is taken, so that downloads finishing together
   * compress on every core and only append one after the other; a spooled (large) body is
   * compressed straight into the file, under the lock, rather than into memory.
   */
  public void record(Capture c) throws IOException {
    RawCopy.Body r = c.response();
    try {
      URI responseId = URI.create("urn:uuid:" + UUID.randomUUID());
      Original original = null;
      // a cut body is no original for later revisits: they would point at half a payload
      if (r.length() > 0 && c.truncated() == null) {
        synchronized (payloads) {
          original = payloads.putIfAbsent(r.sha1().toString(), new Original(responseId, c.url(), c.date()));
        }
      }
      WarcRequest request = new WarcRequest.Builder(c.url()).version(WARC).date(c.date())
          .blockDigest(digest(c.requestHead()))
          .body(MediaType.HTTP_REQUEST, c.requestHead())
          .build();
      try (ReadableByteChannel block = Channels.newChannel(new SequenceInputStream(
          new ByteArrayInputStream(r.head()), Channels.newInputStream(r.open())))) {
        WarcRecord answer = original != null
            ? new WarcRevisit.Builder(c.url(), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1).version(WARC).date(c.date())
                .refersTo(original.recordId(), original.target(), original.date())
                .concurrentTo(request.id())
                .payloadDigest(r.sha1())
                .blockDigest(digest(r.head()))
                .body(MediaType.HTTP_RESPONSE, r.head())
                .build()
            : truncated(new WarcResponse.Builder(c.url()), c.truncated()).version(WARC).date(c.date())
                .recordId(responseId)
                .concurrentTo(request.id())
                .payloadDigest(r.sha1())
                .blockDigest(r.blockSha1())
                .body(MediaType.HTTP_RESPONSE, block, r.head().length + r.length())
                .build();
        int level = GzipMembers.levelFor(r.start());
        String mime = original != null ? "warc/revisit" : HttpHeads.mediaType(r.head());
        if (r.spool() != null) {
          synchronized (this) {
            rollIfFull();
            GzipMembers.write(request, Deflater.DEFAULT_COMPRESSION, file);
            long at = channel.position();
            GzipMembers.write(answer, level, file);
            indexed(c, mime, r, at, channel.position() - at);
          }
          return;
        }
        byte[] requestMember = GzipMembers.bytes(request, Deflater.DEFAULT_COMPRESSION, 1024);
        byte[] answerMember = GzipMembers.bytes(answer, level, (int) Math.min(r.length() + 4096, Integer.MAX_VALUE));
        synchronized (this) {
          rollIfFull();
          file.write(requestMember);
          indexed(c, mime, r, channel.position(), answerMember.length);
          file.write(answerMember);
        }
      }
    } finally {
      r.release();
    }
  }

  private static WarcResponse.Builder truncated(WarcResponse.Builder b, String why) {
    return why == null ? b : b.truncated(WarcTruncationReason.valueOf(why.toUpperCase(java.util.Locale.ROOT)));
  }

  /** Notes the response or revisit just written (or about to be) at {@code offset} in the index. */
  private void indexed(Capture c, String mime, RawCopy.Body r, long offset, long length) {
    if (index != null) {
      index.add(c.url(), c.date(), mime, HttpHeads.status(r.head()), r.sha1().base32(), offset, length,
          Path.of(fileName).getFileName().toString());
    }
  }

  private void rollIfFull() throws IOException {
    if (options.maxBytes() > 0 && channel.position() >= options.maxBytes()) {
      endFile();
      fileNumber++;
      startFile();
    }
  }

  private void endFile() throws IOException {
    channel.close();
    if (index != null) {
      index.write(CdxjIndex.fileFor(fileName));
    }
  }

  /** SHA-1 of a record block that is a head alone. */
  private static WarcDigest digest(byte[] head) {
    MessageDigest sha1 = RawCopy.sha1();
    sha1.update(head);
    return new WarcDigest(sha1);
  }

  /** The file being written now. */
  public synchronized String currentFile() {
    return fileName;
  }

  /** Ends the last file (and writes its index), and removes the spool directory once it is empty. */
  @Override
  public synchronized void close() throws IOException {
    endFile();
    Files.deleteIfExists(options.spool());
  }
}
