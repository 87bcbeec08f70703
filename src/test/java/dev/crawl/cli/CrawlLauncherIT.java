package dev.crawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crawl.demo.DemoServer;
import dev.crawl.demo.SiteContent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real launcher, end to end: bin/crawl finds a JDK, runs the jar, talks to 127.0.0.1. */
class CrawlLauncherIT {
  private static final Path LAUNCHER = Path.of(System.getProperty("crawl.launcher", "bin/crawl"));

  @TempDir Path tmp;

  record Ran(int status, String out, String err) {}

  @Test
  void printsItsVersion() throws Exception {
    Ran r = launch(null, "--version");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("crawl "), r.out());
  }

  @Test
  void downloadsAListPipedFromTheEmbeddedServer() throws Exception {
    try (DemoServer server = DemoServer.start(0, new SiteContent(40), 20, 10)) {
      Ran r = launch(server.urlList(), "-m", "async", "-c", "8", "-o", tmp.resolve("out").toString(), "-");
      assertEquals(0, r.status(), r.err());
      assertTrue(r.err().contains("saved 40 of 40"), r.err());
      assertEquals("", r.out(), "stdout stays empty without --jsonl");
    }
  }

  @Test
  void demoRunsEveryModeAndVerifiesTheFiles() throws Exception {
    Ran r = launch(null, "demo", "--files", "24", "--delay", "20", "--jitter", "20", "-c", "6", "-o", tmp.resolve("demo").toString());
    assertEquals(0, r.status(), r.out() + r.err());
    for (String mode : List.of("sync", "threads", "processes", "async", "virtual")) {
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith(mode + " ")), r.out());
    }
    assertTrue(r.out().contains("verified: all 5 modes saved the same 24 files"), r.out());
    assertTrue(Files.isRegularFile(tmp.resolve("demo/compare.json")));
  }

  private Ran launch(String stdin, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(LAUNCHER.toAbsolutePath().toString());
    cmd.addAll(List.of(args));
    Path out = tmp.resolve("stdout.txt");
    Path err = tmp.resolve("stderr.txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    try (var in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("bin/crawl did not finish within 120 s");
    }
    return new Ran(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
