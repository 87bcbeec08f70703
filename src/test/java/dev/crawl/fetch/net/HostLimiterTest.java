package dev.crawl.fetch.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HostLimiterTest {
  @Test
  void everySpellingOfOneHostSharesItsCap() {
    HostLimiter limiter = new HostLimiter(1);
    CompletableFuture<Runnable> first = limiter.acquire(URI.create("http://example.org/a"));
    // a redirect can name the same server with its default port and another case
    CompletableFuture<Runnable> second = limiter.acquire(URI.create("HTTP://Example.ORG:80/b"));

    assertTrue(first.isDone());
    assertFalse(second.isDone(), "a second download to the same host while the cap is 1");
    first.join().run();
    assertTrue(second.isDone(), "the slot passes on when the first is released");
  }

  @Test
  void anotherPortIsAnotherHost() {
    HostLimiter limiter = new HostLimiter(1);
    limiter.acquire(URI.create("http://example.org/a"));

    assertTrue(limiter.acquire(URI.create("http://example.org:8080/a")).isDone());
    assertTrue(limiter.acquire(URI.create("https://example.org/a")).isDone());
  }
}
