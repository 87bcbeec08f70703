package dev.crawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crawl.demo.DemoServer;
import dev.crawl.demo.SiteContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real launcher, end to end: bin/crawl finds a JDK, runs the jar, talks to 127.0.0.1. */
class CrawlLauncherIT {
  @TempDir Path tmp;

  @Test
  void printsItsVersion() throws Exception {
    Launcher.Ran r = launch(null, "--version");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("crawl "), r.out());
  }

  @Test
  void downloadsAListPipedFromTheEmbeddedServer() throws Exception {
    try (DemoServer server = DemoServer.start(0, new SiteContent(40), 20, 10)) {
      Launcher.Ran r = launch(server.urlList(), "-m", "async", "-c", "8", "-o", tmp.resolve("out").toString(), "-");
      assertEquals(0, r.status(), r.err());
      assertTrue(r.err().contains("saved 40 of 40"), r.err());
      assertEquals("", r.out(), "stdout stays empty without --jsonl");
    }
  }

  @Test
  void demoRunsEveryModeAndVerifiesTheFiles() throws Exception {
    Launcher.Ran r = launch(null, "demo", "--files", "24", "--delay", "20", "--jitter", "20", "-c", "6", "-o", tmp.resolve("demo").toString());
    assertEquals(0, r.status(), r.out() + r.err());
    for (String mode : List.of("sync", "threads", "processes", "async", "virtual")) {
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith(mode + " ")), r.out());
    }
    assertTrue(r.out().contains("verified: all 5 modes saved the same 24 files"), r.out());
    assertTrue(Files.isRegularFile(tmp.resolve("demo/compare.json")));
  }

  private Launcher.Ran launch(String stdin, String... args) throws IOException, InterruptedException {
    return Launcher.run(tmp, java.util.Map.of(), stdin, args);
  }
}
