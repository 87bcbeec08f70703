package dev.crawl.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessLogTest {
  @TempDir Path tmp;

  @Test
  void theServerWritesALineForEveryRequestAsItComes() throws Exception {
    Path log = tmp.resolve("access.log");
    try (DemoServer server = DemoServer.start(0, new SiteContent(3), 0, 0);
        HttpClient client = HttpClient.newHttpClient()) {
      server.logRequestsTo(log);
      for (String path : List.of("/docs/index.html", "/files/missing", "/docs/index.html")) {
        client.send(HttpRequest.newBuilder(server.base().resolve(URI.create(path))).build(),
            HttpResponse.BodyHandlers.discarding());
      }

      // read while the server still runs, as a check counting requests does
      assertEquals(List.of("GET /docs/index.html", "GET /files/missing", "GET /docs/index.html"),
          Files.readAllLines(log));
    }
  }
}
