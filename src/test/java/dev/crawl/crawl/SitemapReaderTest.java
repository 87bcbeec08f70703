package dev.crawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitemapReaderTest {
  @TempDir Path tmp;

  /** What a reading listed, pages and sitemaps apart. */
  private static final class Listed implements SitemapReader.Listing {
    final List<String> pages = new ArrayList<>();
    final List<String> sitemaps = new ArrayList<>();

    @Override
    public void page(String url) {
      pages.add(url);
    }

    @Override
    public void sitemap(String url) {
      sitemaps.add(url);
    }
  }

  private static Listed read(String body) throws IOException {
    Listed l = new Listed();
    SitemapReader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), l);
    return l;
  }

  @Test
  void readsTheLocationsOfAUrlset() throws IOException {
    Listed l = read("<?xml version='1.0'?>\n<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        + "<url><loc> http://h/a </loc><priority>0.5</priority></url><url><loc>http://h/b?x=1&amp;y=2</loc></url></urlset>");

    assertEquals(List.of("http://h/a", "http://h/b?x=1&y=2"), l.pages);
    assertEquals(List.of(), l.sitemaps);
  }

  @Test
  void anIndexListsSitemapsNotPages() throws IOException {
    Listed l = read("<sitemapindex><sitemap><loc>http://h/s1.xml</loc></sitemap></sitemapindex>");

    assertEquals(List.of(), l.pages);
    assertEquals(List.of("http://h/s1.xml"), l.sitemaps);
  }

  @Test
  void readsPlainTextALineAUrl() throws IOException {
    assertEquals(List.of("http://h/a", "http://h/b"), read("http://h/a\r\n\r\nhttp://h/b\n").pages);
  }

  @Test
  void neverReadsAFileAnEntityPointsAt() throws IOException {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "http://secret/");
    String xxe = "<?xml version='1.0'?><!DOCTYPE u [<!ENTITY s SYSTEM '" + secret.toUri() + "'>]>"
        + "<urlset><url><loc>&s;</loc></url></urlset>";

    Listed l = new Listed();
    try {
      SitemapReader.read(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)), l);
    } catch (IOException refused) {
      // refusing the document is as good as ignoring the entity
    }
    assertEquals(List.of(), l.pages.stream().filter(p -> p.contains("secret")).toList());
  }

  @Test
  void aGarbledSitemapFailsWithAReason() {
    assertThrows(IOException.class, () -> read("<urlset><url><loc>http://h/a</url>"));
  }

  @Test
  void streamsAGzippedSitemapOfFiftyThousandUrlsAsItArrives() throws Exception {
    PipedInputStream in = new PipedInputStream(64 * 1024);
    PipedOutputStream pipe = new PipedOutputStream(in);
    // the writer stops after the first half until the reader has seen a URL of it: a reader that
    // wanted the whole body first would see none, and the writer gives up and ends the body there
    java.util.concurrent.CountDownLatch firstSeen = new java.util.concurrent.CountDownLatch(1);
    Thread writer = Thread.ofVirtual().start(() -> {
      try (OutputStream gz = new GZIPOutputStream(pipe, 8192, true)) {
        gz.write("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 50_000; i++) {
          gz.write(("<url><loc>http://h/p/" + i + "</loc></url>\n").getBytes(StandardCharsets.US_ASCII));
          if (i == 25_000) {
            gz.flush();
            if (!firstSeen.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
              return; // the body ends short, and the count below fails
            }
          }
        }
        gz.write("</urlset>".getBytes(StandardCharsets.US_ASCII));
      } catch (IOException | InterruptedException e) {
        throw new RuntimeException(e);
      }
    });
    long[] count = {0};
    SitemapReader.read(in, new SitemapReader.Listing() {
      @Override
      public void page(String url) {
        count[0]++;
        firstSeen.countDown();
      }

      @Override
      public void sitemap(String url) {}
    });
    writer.join();

    assertEquals(50_000, count[0]);
  }
}
