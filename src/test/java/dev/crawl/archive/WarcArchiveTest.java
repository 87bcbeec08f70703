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

  @Test
  void theIndexPointsEveryEntryAtItsOwnResponseOrRevisitRecord() throws Exception {
    Path file = tmp.resolve("indexed.warc.gz");
    try (WarcArchive archive = WarcArchive.open(new WarcOptions(file.toString(), 0, true), "test")) {
      archive.record(capture(1, random(50_000, 1)));
      archive.record(capture(2, random(2_000_000, 2))); // spooled: compressed straight into the file
      archive.record(capture(3, random(50_000, 1))); // the first one's payload again: a revisit
    }

    List<String> lines = Files.readAllLines(tmp.resolve("indexed.cdxj"));

    assertEquals(3, lines.size(), lines.toString());
    assertEquals(lines.stream().sorted().toList(), lines, "sorted");
    for (String line : lines) {
      String[] parts = line.split(" ", 3);
      com.fasterxml.jackson.databind.JsonNode entry = new com.fasterxml.jackson.databind.ObjectMapper().readTree(parts[2]);
      assertEquals(CdxjIndex.surt(entry.get("url").asText()), parts[0]);
      assertTrue(parts[1].matches("\\d{14}"), parts[1]);
      assertEquals("indexed.warc.gz", entry.get("filename").asText());
      long offset = Long.parseLong(entry.get("offset").asText());
      long length = Long.parseLong(entry.get("length").asText());
      WarcRecord at = recordAt(file, offset);
      assertEquals(entry.get("url").asText(), ((org.netpreserve.jwarc.WarcTargetRecord) at).target());
      // these captures send no Content-Type: a response has no mime, a revisit is warc/revisit
      assertEquals(entry.has("mime") ? "revisit" : "response", at.type());
      assertEquals("sha1:" + entry.get("digest").asText(),
          ((org.netpreserve.jwarc.WarcTargetRecord) at).payloadDigest().orElseThrow().prefixedBase32());
      assertTrue(offset + length == Files.size(file) || recordAt(file, offset + length).type().equals("request"),
          "the next member starts where this one ends");
    }
    assertEquals(1, lines.stream().filter(l -> l.contains("warc/revisit")).count());
  }

  @Test
  void aRolledOverArchiveHasAnIndexForEachFile() throws Exception {
    Path file = tmp.resolve("run.warc.gz");
    try (WarcArchive archive = WarcArchive.open(new WarcOptions(file.toString(), 150_000, true), "test")) {
      for (int i = 0; i < 3; i++) {
        archive.record(capture(i, random(200_000, i)));
      }
    }

    for (int n = 0; n < 3; n++) {
      List<String> lines = Files.readAllLines(tmp.resolve(String.format("run-%05d.cdxj", n)));
      assertEquals(1, lines.size());
      assertEquals(String.format("run-%05d.warc.gz", n), new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(lines.get(0).split(" ", 3)[2]).get("filename").asText());
    }
  }

  @Test
  void theSurtKeyIsWarcioJsKey() {
    assertEquals("org,example:8443)/a?a=1&b=2", CdxjIndex.surt("https://www.Example.org:8443/a?b=2&a=1"));
    assertEquals("1,0,0,127:8080)/docs/index.html", CdxjIndex.surt("http://127.0.0.1:8080/docs/index.html"));
    assertEquals("org,example)/", CdxjIndex.surt("http://example.org"));
    assertEquals("org,example)/x", CdxjIndex.surt("https://www2.example.org:443/x"));
  }

  private static WarcRecord recordAt(Path file, long offset) throws IOException {
    FileChannel channel = FileChannel.open(file);
    channel.position(offset);
    WarcReader reader = new WarcReader(channel);
    return reader.next().orElseThrow();
  }
}
