package dev.crawl.crawl;

import dev.crawl.core.Origin;
import dev.crawl.core.Sizes;
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
import java.util.function.Consumer;

/**
 * {@code --sitemaps}: the sitemaps of a crawl's start servers — robots.txt's Sitemap lines and
 * {@code /sitemap.xml} — read one at a time as they stream in, sitemap indexes followed. Each page
 * URL goes to the crawl as a link of the sitemap that listed it, where the crawl's scope, depth and
 * robots.txt apply as to any link. Bounded as the protocol bounds one sitemap, {@value #MAX_SITEMAP_URLS}
 * URLs and {@value #MAX_BYTES} bytes (decoded), so that one sitemap over them is read to the cap and
 * the next is still read; and a run reads at most {@value #MAX_SITEMAPS} sitemaps and {@value #MAX_URLS}
 * URLs from all of them. Each cap reached is said, once.
 */
public final class Sitemaps implements AutoCloseable {
  static final int MAX_SITEMAPS = 1_000;
  static final long MAX_URLS = 1_000_000;
  static final long MAX_SITEMAP_URLS = 50_000;
  static final long MAX_BYTES = 50L * 1024 * 1024;

  private final HttpClient client;
  private final String userAgent;
  private final SideArchive archive;
  private final Consumer<String> notices;

  /** @param client the run's side client (its TLS trust and proxies); closed with this */
  public Sitemaps(HttpClient client, String userAgent) {
    this(client, userAgent, SideArchive.NONE, notice -> {});
  }

  /**
   * @param archive where each sitemap is archived as it is read ({@code --warc})
   * @param notices hears, in a line, each sitemap read only up to a cap
   */
  public Sitemaps(HttpClient client, String userAgent, SideArchive archive, Consumer<String> notices) {
    this.client = client;
    this.userAgent = userAgent;
    this.archive = archive;
    this.notices = notices;
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
    while (!todo.isEmpty() && urls[0] < MAX_URLS) {
      URI sitemap = todo.poll();
      if (asked.contains(sitemap.toString())) {
        continue;
      }
      if (asked.size() == MAX_SITEMAPS) {
        notices.accept("sitemaps: " + MAX_SITEMAPS + " read, the most a run reads; " + (todo.size() + 1)
            + " more not read");
        return;
      }
      asked.add(sitemap.toString());
      long[] listed = {0};
      // a sitemap of exactly 50,000 URLs is whole: only a 50,001st one is over the cap
      boolean[] over = {false};
      SitemapReader.Listing listing = new SitemapReader.Listing() {
        @Override
        public void page(String url) {
          if (listed[0] == MAX_SITEMAP_URLS || urls[0] == MAX_URLS) {
            over[0] = listed[0] == MAX_SITEMAP_URLS;
            throw new Enough();
          }
          listed[0]++;
          urls[0]++;
          page.accept(sitemap, url);
        }

        @Override
        public void sitemap(String url) {
          if (listed[0] == MAX_SITEMAP_URLS) {
            over[0] = true;
            throw new Enough();
          }
          listed[0]++;
          add(todo, sitemap, url);
        }
      };
      String cut = readOne(sitemap, listing);
      if (cut == null && over[0]) {
        cut = "listed more than " + MAX_SITEMAP_URLS + " URLs";
      }
      if (cut == null && urls[0] == MAX_URLS) {
        cut = "reached the run's " + MAX_URLS + " URLs from sitemaps";
      }
      if (cut != null) {
        notices.accept("sitemap " + sitemap + ": " + cut + "; read up to the cap (sitemaps.org's limits: "
            + MAX_SITEMAP_URLS + " URLs, " + Sizes.human(MAX_BYTES) + "), the rest not followed");
      }
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

  /**
   * Reads one sitemap to its end or to a cap; one that is not there or not readable adds nothing.
   *
   * @return which byte cap cut it, or null
   */
  private String readOne(URI sitemap, SitemapReader.Listing listing) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(sitemap).timeout(Duration.ofSeconds(30)).header("User-Agent", userAgent).build();
    try {
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = archive.tee(request, response, response.body())) {
        if (response.statusCode() == 200) {
          CappedStream wire = new CappedStream(in, MAX_BYTES);
          boolean decodedCut = SitemapReader.read(wire, listing, MAX_BYTES);
          return decodedCut || wire.reached() ? "over " + Sizes.human(MAX_BYTES) : null;
        }
      } catch (Enough e) {
        // a cap on URLs is reached: the caller says which
      }
    } catch (IOException e) {
      // not there, or not a sitemap: nothing from it
    }
    return null;
  }

  /** A cap on URLs was reached in the middle of a sitemap. */
  private static final class Enough extends RuntimeException {
    Enough() {
      super(null, null, false, false);
    }
  }

  @Override
  public void close() {
    client.shutdownNow();
  }
}
