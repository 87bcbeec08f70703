package dev.crawl.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/** The archive's files: rolled over at a size, and readable up to their last whole record when cut. */
class WarcArchiveTest {
  @TempDir Path tmp;

  private Capture capture(int n, byte[] body) throws IOException {
    RawCopy raw = new RawCopy(HttpHeads.response(200, Map.of("Content-Length", List.of(String.valueOf(body.length)))),
        tmp.resolve("spool"));
    // in pieces, as a body arrives
    for (int at = 0; at < body.length; at += 100_000) {
      raw.write(ByteBuffer.wrap(body, at, Math.min(100_000, body.length - at)));
    }
    URI url = URI.create("http://127.0.0.1:9/f" + n);
    return new Capture(url, Instant.now(), HttpHeads.request(url, Map.of()), raw.finish());
  }

  private static byte[] random(int size, int seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static List<WarcRecord> readUntilBroken(Path file) {
    List<WarcRecord> records = new ArrayList<>();
    try (WarcReader reader = new WarcReader(file)) {
      for (WarcRecord r : reader) {
        r.body().consume();
        records.add(r);
      }
    } catch (IOException | RuntimeException broken) {
      // the cut record: a reader stops here
    }
    return records;
  }

  @Test
  void pastItsMaximumSizeTheArchiveGoesOnInANewNumberedFileWithItsOwnWarcinfo() throws Exception {
    Path file = tmp.resolve("run.warc.gz");
    try (WarcArchive archive = WarcArchive.open(new WarcOptions(file.toString(), 150_000), "test")) {
      for (int i = 0; i < 3; i++) {
        archive.record(capture(i, random(200_000, i)));
      }
    }

    List<Path> files;
    try (Stream<Path> list = Files.list(tmp)) {
      files = list.filter(p -> p.toString().endsWith(".warc.gz")).sorted().toList();
    }
    assertEquals(List.of("run-00000.warc.gz", "run-00001.warc.gz", "run-00002.warc.gz"),
        files.stream().map(p -> p.getFileName().toString()).toList());
    for (Path f : files) {
      List<WarcRecord> records = readUntilBroken(f);
      assertEquals(List.of("warcinfo", "request", "response"), records.stream().map(WarcRecord::type).toList());
    }
  }

  @Test
  void aBodyPastAMegabyteIsSpooledAndArchivedWhole() throws Exception {
    Path file = tmp.resolve("big.warc.gz");
    byte[] body = random(3_000_000, 7);
    try (WarcArchive archive = WarcArchive.open(new WarcOptions(file.toString(), 0), "test")) {
      archive.record(capture(1, body));
    }

    try (WarcReader reader = new WarcReader(file)) {
      WarcResponse response = (WarcResponse) reader.records().filter(r -> r instanceof WarcResponse).findFirst().orElseThrow();
      assertArrayEquals(body, response.http().body().stream().readAllBytes());
    }
    try (Stream<Path> spooled = Files.list(tmp.resolve("spool"))) {
      assertEquals(0, spooled.count(), "the spool file is gone once archived");
    }
  }

  @Test
  void aFileCutShortIsReadableUpToItsLastWholeRecord() throws Exception {
    Path file = tmp.resolve("cut.warc.gz");
    try (WarcArchive archive = WarcArchive.open(new WarcOptions(file.toString(), 0), "test")) {
      for (int i = 0; i < 3; i++) {
        archive.record(capture(i, random(50_000, i)));
      }
    }
    long whole = Files.size(file);
    try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
      c.truncate(whole - 20_000); // into the last response, as a kill mid-write leaves it
    }

    List<WarcRecord> records = readUntilBroken(file);

    assertEquals(List.of("warcinfo", "request", "response", "request", "response", "request"),
        records.stream().map(WarcRecord::type).toList());
    assertTrue(records.stream().allMatch(r -> r.id() != null));
    assertFalse(records.isEmpty());
  }
}
