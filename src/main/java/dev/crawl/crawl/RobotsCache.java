package dev.crawl.crawl;

import dev.crawl.core.Origin;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * robots.txt, fetched once per host and cached for the run. 4xx: everything allowed; 5xx or no
 * answer: nothing allowed for now, as RFC 9309 asks; bodies beyond 500 KiB are cut, as it allows.
 */
public final class RobotsCache implements AutoCloseable {
  private static final int MAX_BYTES = 500 * 1024;

  private final HttpClient client;
  private final String userAgent;
  private final SideArchive archive;
  private final Map<String, Robots> byHost = new ConcurrentHashMap<>();

  /** @param client the run's side client: its TLS trust and proxies; closed with this cache */
  public RobotsCache(HttpClient client, String userAgent) {
    this(client, userAgent, SideArchive.NONE);
  }

  /** @param archive where each robots.txt is archived ({@code --warc}) */
  public RobotsCache(HttpClient client, String userAgent, SideArchive archive) {
    this.userAgent = userAgent;
    this.client = client;
    this.archive = archive;
  }

  public Robots forUrl(URI url) {
    return byHost.computeIfAbsent(Origin.of(url), k -> fetch(url.resolve("/robots.txt")));
  }

  private Robots fetch(URI robotsTxt) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(robotsTxt)
              .timeout(Duration.ofSeconds(15))
              .header("User-Agent", userAgent)
              .build();
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = archive.tee(request, response, response.body())) {
        int status = response.statusCode();
        if (status >= 500) {
          return Robots.DISALLOW_ALL;
        }
        if (status >= 400) {
          return Robots.ALLOW_ALL;
        }
        // read no more than the cap: a huge or endless robots.txt must not fill the heap
        return Robots.parse(robotsTxt, in.readNBytes(MAX_BYTES), "crawl");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Robots.DISALLOW_ALL;
    } catch (Exception e) {
      return Robots.DISALLOW_ALL;
    }
  }

  @Override
  public void close() {
    client.shutdownNow();
  }
}
