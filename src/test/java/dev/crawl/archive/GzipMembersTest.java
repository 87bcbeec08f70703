package dev.crawl.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Deflate only where it pays: a body already compressed is stored in its gzip member. */
class GzipMembersTest {
  @Test
  void bytesThatDoNotCompressAreStored() {
    byte[] random = new byte[100_000];
    new Random(1).nextBytes(random);
    assertEquals(Deflater.NO_COMPRESSION, GzipMembers.levelFor(random));
  }

  @Test
  void textIsDeflated() {
    byte[] text = "<p>a page of the documentation, with words that repeat</p>\n".repeat(2000)
        .getBytes(StandardCharsets.UTF_8);
    assertEquals(Deflater.DEFAULT_COMPRESSION, GzipMembers.levelFor(text));
  }
}
