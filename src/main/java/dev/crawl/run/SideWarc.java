package dev.crawl.run;

import dev.crawl.archive.Capture;
import dev.crawl.archive.HttpHeads;
import dev.crawl.archive.RawCopy;
import dev.crawl.archive.WarcArchive;
import dev.crawl.crawl.SideArchive;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;

/**
 * robots.txt and sitemaps into the run's WARC: the body is copied as it is read, and archived
 * when the reader closes it, {@code WARC-Truncated: length} when it stopped before the end (a
 * robots.txt past 500 KiB, a sitemap past its cap).
 */
final class SideWarc implements SideArchive {
  private final WarcArchive archive;
  private final Path spool;

  SideWarc(WarcArchive archive, Path spool) {
    this.archive = archive;
    this.spool = spool;
  }

  @Override
  public InputStream tee(HttpRequest request, HttpResponse<?> response, InputStream body) {
    Instant date = Instant.now();
    RawCopy raw = new RawCopy(HttpHeads.response(response.statusCode(), response.headers().map()), spool);
    return new FilterInputStream(body) {
      private boolean ended;
      private boolean closed;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
          ended = true;
        } else if (n > 0) {
          raw.write(ByteBuffer.wrap(b, off, n));
        }
        return n;
      }

      @Override
      public void close() throws IOException {
        if (closed) {
          return;
        }
        closed = true;
        if (!ended) {
          // a reader that stopped at the end of what it wanted (a sitemap's closing tag) may have
          // left nothing: one more read tells a whole body from a cut one
          try {
            ended = super.read() < 0;
          } catch (IOException unreadable) {
            // cut, then
          }
        }
        try {
          archive.record(new Capture(request.uri(), date, HttpHeads.request(request.uri(), request.headers().map()),
              raw.finish(), ended ? null : "length"));
        } catch (IOException | RuntimeException e) {
          // the archive could not take it: robots.txt and sitemaps are read all the same
          raw.discard();
        } finally {
          super.close();
        }
      }
    };
  }
}
