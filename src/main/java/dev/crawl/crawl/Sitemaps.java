package dev.crawl.crawl;

import dev.crawl.core.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * {@code --sitemaps}: the sitemaps of a crawl's start servers — robots.txt's Sitemap lines and
 * {@code /sitemap.xml} — read one at a time as they stream in, sitemap indexes followed. Each page
 * URL goes to the crawl as a link of the sitemap that listed it, where the crawl's scope, depth and
 * robots.txt apply as to any link. Bounded: {@value #MAX_SITEMAPS} sitemaps and {@value #MAX_URLS}
 * URLs a run, {@value #MAX_BYTES} bytes a sitemap (the protocol's own limit).
 */
public final class Sitemaps implements AutoCloseable {
  static final int MAX_SITEMAPS = 1_000;
  static final long MAX_URLS = 1_000_000;
  static final long MAX_BYTES = 50L * 1024 * 1024;

  private final HttpClient client;
  private final String userAgent;
  private final SideArchive archive;

  /** @param client the run's side client (its TLS trust and proxies); closed with this */
  public Sitemaps(HttpClient client, String userAgent) {
    this(client, userAgent, SideArchive.NONE);
  }

  /** @param archive where each sitemap is archived as it is read ({@code --warc}) */
  public Sitemaps(HttpClient client, String userAgent, SideArchive archive) {
    this.client = client;
    this.userAgent = userAgent;
    this.archive = archive;
  }

  /**
   * Reads the sitemaps of the servers of {@code starts}, handing each page URL on with the sitemap
   * that listed it.
   *
   * @param robots robots.txt per host for its Sitemap lines, or null ({@code --no-robots})
   */
  public void read(List<URI> starts, RobotsCache robots, BiConsumer<URI, String> page) throws InterruptedException {
    Deque<URI> todo = new ArrayDeque<>();
    Set<String> origins = new LinkedHashSet<>();
    for (URI start : starts) {
      if (origins.add(Origin.of(start))) {
        if (robots != null) {
          for (String s : robots.forUrl(start).sitemaps()) {
            add(todo, start, s);
          }
        }
        todo.add(start.resolve("/sitemap.xml"));
      }
    }
    Set<String> asked = new HashSet<>();
    long[] urls = {0};
    while (!todo.isEmpty() && asked.size() < MAX_SITEMAPS && urls[0] < MAX_URLS) {
      URI sitemap = todo.poll();
      if (!asked.add(sitemap.toString())) {
        continue;
      }
      SitemapReader.Listing listing = new SitemapReader.Listing() {
        @Override
        public void page(String url) {
          if (urls[0] >= MAX_URLS) {
            throw new Enough();
          }
          urls[0]++;
          page.accept(sitemap, url);
        }

        @Override
        public void sitemap(String url) {
          add(todo, sitemap, url);
        }
      };
      readOne(sitemap, listing);
    }
  }

  private static void add(Deque<URI> todo, URI base, String url) {
    try {
      URI u = base.resolve(url.strip());
      if ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) {
        todo.add(u);
      }
    } catch (IllegalArgumentException e) {
      // not a URL: nothing to read
    }
  }

  /** Reads one sitemap to its end or to the cap; one that is not there or not readable adds nothing. */
  private void readOne(URI sitemap, SitemapReader.Listing listing) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(sitemap).timeout(Duration.ofSeconds(30)).header("User-Agent", userAgent).build();
    try {
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = archive.tee(request, response, response.body())) {
        if (response.statusCode() == 200) {
          SitemapReader.read(new CappedStream(in, MAX_BYTES), listing);
        }
      } catch (Enough e) {
        // the run's cap on URLs is reached
      }
    } catch (IOException e) {
      // not there, or not a sitemap: nothing from it
    }
  }

  /** The cap on URLs was reached in the middle of a sitemap. */
  private static final class Enough extends RuntimeException {
    Enough() {
      super(null, null, false, false);
    }
  }

  /** Ends a body at {@code max} bytes, as if the server had sent no more. */
  private static final class CappedStream extends java.io.FilterInputStream {
    private long left;

    CappedStream(InputStream in, long max) {
      super(in);
      this.left = max;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  @Override
  public void close() {
    client.shutdownNow();
  }
}
