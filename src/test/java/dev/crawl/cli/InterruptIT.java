package dev.crawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawl.demo.DemoServer;
import dev.crawl.demo.SiteContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ctrl-C for real: SIGINT to bin/crawl mid-run stops it cleanly with exit status 130. */
class InterruptIT {
  private static final Path LAUNCHER = Path.of(System.getProperty("crawl.launcher", "bin/crawl"));
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"async", "threads", "processes"})
  void sigintStopsTheRunWritesThePartialReportAndLeavesNoTemporaryFile(String mode) throws Exception {
    try (DemoServer server = DemoServer.start(0, new SiteContent(40), 20_000, 0)) {
      Path list = tmp.resolve("urls.txt");
      Files.writeString(list, server.urlList());
      Path out = tmp.resolve("out");
      Process crawl =
          new ProcessBuilder(LAUNCHER.toAbsolutePath().toString(), "-m", mode, "-c", "4", "-o", out.toString(), list.toString())
              .redirectErrorStream(true)
              .redirectOutput(tmp.resolve("console.txt").toFile())
              .start();
      assertTrue(server.awaitRequests(4, Duration.ofSeconds(60)), "four downloads never started");

      new ProcessBuilder("kill", "-INT", String.valueOf(crawl.pid())).start().waitFor();

      assertTrue(crawl.waitFor(30, TimeUnit.SECONDS), "crawl did not stop after SIGINT");
      String console = Files.readString(tmp.resolve("console.txt"));
      assertEquals(130, crawl.exitValue(), console);
      List<JsonNode> records = Files.readAllLines(out.resolve(".crawl/results.jsonl")).stream().map(InterruptIT::parse).toList();
      assertTrue(records.size() >= 4, records.toString());
      assertTrue(records.stream().allMatch(r -> r.get("outcome").asText().equals("interrupted")), records.toString());
      JsonNode summary = JSON.readTree(out.resolve(".crawl/summary.json").toFile());
      assertTrue(summary.get("exitReason").asText().startsWith("interrupted"), summary.toString());
      assertTrue(Files.isRegularFile(out.resolve(".crawl/report.html")));
      try (var files = Files.walk(out)) {
        assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".part")).toList());
      }
      assertTrue(ProcessHandle.current().descendants().noneMatch(p -> p.info().commandLine().orElse("").contains("Main worker")),
          "worker processes outlived the run");
    }
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
