package dev.crawl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.crawl.core.UrlResult;
import dev.crawl.store.Layout;
import dev.crawl.store.StoreOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hostile URL paths, through the whole fetch path: every file lands inside the output, distinct. */
class HostileNamesInEveryModeTest {
  private static final List<String> HOSTILE =
      List.of(
          "/%2e%2e/%2e%2e/escape.txt",
          "/a%2fb",
          "/a%5cb%5c..%5c..%5cwin",
          "/%00nul%01ctl",
          "/CON",
          "/nul.txt",
          "/" + "x".repeat(300),
          "/stra%C3%9Fe/%E6%97%A5%E6%9C%AC",
          "/q?..%2f..%2fetc=passwd",
          "/a",
          "/a/b");

  @TempDir Path tmp;
  private HttpServer server;

  /** A server that serves any path at all: WireMock's Jetty refuses some of these with 400. */
  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestURI().getRawPath().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (var out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void savesEveryHostilePathInsideTheOutputUnderItsOwnName(Mode mode) throws Exception {
    savesEveryHostilePathInside(mode, StoreOptions.DEFAULTS);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void everyLayoutKeepsEveryHostilePathInsideTheOutputAndVisible(Mode mode) throws Exception {
    for (Layout layout : List.of(new Layout(Layout.Kind.TREE, false, 1), new Layout(Layout.Kind.FLAT, true, 0),
        new Layout(Layout.Kind.HASH, true, 0))) {
      savesEveryHostilePathInside(mode, new StoreOptions(layout, true, StoreOptions.DEFAULT_KEEP_LIMIT));
      try (var walk = Files.walk(tmp)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void savesEveryHostilePathInside(Mode mode, StoreOptions store) throws Exception {
    Path out = tmp.resolve("out");
    Path sibling = Files.createDirectories(tmp.resolve("sibling"));
    int port = server.getAddress().getPort();
    List<String> urls = HOSTILE.stream().map(p -> "http://127.0.0.1:" + port + p).toList();

    RunFixture.Result run = RunFixture.stored(mode, urls, out, TestSettings.fast(), store);

    Set<Path> files = new HashSet<>();
    for (UrlResult result : run.records()) {
      UrlResult.Saved r = assertInstanceOf(UrlResult.Saved.class, result, store + ": " + result);
      Path saved = out.resolve(r.path()).normalize();
      assertTrue(saved.startsWith(out), saved.toString());
      assertTrue(files.add(saved), "two URLs share " + saved);
      assertTrue(Files.readString(saved).startsWith("/"), "a body from the server: " + saved);
      for (Path name : out.relativize(saved)) {
        assertTrue(!name.toString().startsWith("."), "a hidden name: " + saved);
      }
    }
    assertEquals(HOSTILE.size(), files.size());
    try (var stray = Files.list(sibling)) {
      assertEquals(0, stray.count());
    }
    try (var top = Files.list(tmp)) {
      assertEquals(Set.of("out", "sibling", "out-urls.txt"),
          new HashSet<>(top.map(p -> p.getFileName().toString()).toList()));
    }
  }
}
