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
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stop signals for real: SIGINT (Ctrl-C), SIGTERM (kill, timeout, systemd, Kubernetes) and SIGHUP
 * sent to bin/crawl mid-run stop it cleanly, in every mode, with 128 + the signal's number.
 */
class InterruptIT {
  private static final Path LAUNCHER = Path.of(System.getProperty("crawl.launcher", "bin/crawl"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> MODES = List.of("sync", "threads", "processes", "async", "virtual");

  @TempDir Path tmp;

  static Stream<Arguments> signalsAndModes() {
    Stream<Arguments> intAndTerm =
        Stream.of("INT", "TERM").flatMap(signal -> MODES.stream().map(mode -> Arguments.of(signal, mode)));
    return Stream.concat(intAndTerm, Stream.of(Arguments.of("HUP", "async"), Arguments.of("HUP", "processes")));
  }

  @ParameterizedTest(name = "SIG{0} in {1} mode")
  @MethodSource("signalsAndModes")
  void aStopSignalEndsTheRunWithAPartialReportAndNoTemporaryFile(String signal, String mode) throws Exception {
    int concurrency = mode.equals("sync") ? 1 : 4;
    try (DemoServer server = DemoServer.start(0, new SiteContent(40), 20_000, 0)) {
      Path list = tmp.resolve("urls.txt");
      Files.writeString(list, server.urlList());
      Path out = tmp.resolve("out");
      Path console = tmp.resolve("console.txt");
      Process crawl =
          new ProcessBuilder(
                  LAUNCHER.toAbsolutePath().toString(), "-m", mode, "-c", "4", "-o", out.toString(), list.toString())
              .redirectErrorStream(true)
              .redirectOutput(console.toFile())
              .start();
      assertTrue(server.awaitRequests(concurrency, Duration.ofSeconds(60)), "the downloads never started");
      List<ProcessHandle> children = crawl.descendants().toList();

      new ProcessBuilder("kill", "-" + signal, String.valueOf(crawl.pid())).start().waitFor();

      assertTrue(crawl.waitFor(30, TimeUnit.SECONDS), "crawl did not stop after SIG" + signal);
      String printed = Files.readString(console);
      assertEquals(exitStatus(signal), crawl.exitValue(), printed);
      assertTrue(printed.lines().allMatch(l -> l.isBlank() || l.startsWith("crawl: ")),
          "only our own lines on stderr:\n" + printed);
      assertTrue(printed.contains("stopped by SIG" + signal), printed);
      List<JsonNode> records = Files.readAllLines(out.resolve(".crawl/results.jsonl")).stream().map(InterruptIT::parse).toList();
      assertTrue(records.size() >= concurrency, records.toString());
      assertTrue(records.stream().allMatch(r -> r.get("outcome").asText().equals("interrupted")), records.toString());
      JsonNode summary = JSON.readTree(out.resolve(".crawl/summary.json").toFile());
      assertTrue(summary.get("exitReason").asText().startsWith("interrupted by SIG" + signal), summary.toString());
      assertTrue(Files.isRegularFile(out.resolve(".crawl/report.html")));
      try (var files = Files.walk(out)) {
        assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".part")).toList());
      }
      assertAllEnd(children);
    }
  }

  @ParameterizedTest(name = "{0} mode")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"processes"})
  void workersEndWhenTheirParentIsKilled(String mode) throws Exception {
    try (DemoServer server = DemoServer.start(0, new SiteContent(40), 20_000, 0)) {
      Path list = tmp.resolve("urls.txt");
      Files.writeString(list, server.urlList());
      Path out = tmp.resolve("out");
      Process crawl =
          new ProcessBuilder(LAUNCHER.toAbsolutePath().toString(), "-m", mode, "-c", "4", "-o", out.toString(), list.toString())
              .redirectErrorStream(true)
              .redirectOutput(tmp.resolve("console.txt").toFile())
              .start();
      assertTrue(server.awaitRequests(4, Duration.ofSeconds(60)), "the downloads never started");
      List<ProcessHandle> workers = crawl.descendants().toList();
      assertEquals(4, workers.size(), workers.toString());

      crawl.destroyForcibly(); // SIGKILL: no handler runs in the parent

      assertTrue(crawl.waitFor(10, TimeUnit.SECONDS));
      assertAllEnd(workers);
      try (var files = Files.walk(out)) {
        assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".part")).toList(),
            "each worker removes its temporary file as it ends");
      }
    }
  }

  /** Processes started by the run end with it; a process that ended already counts as ended. */
  private static void assertAllEnd(List<ProcessHandle> processes) throws Exception {
    for (ProcessHandle p : processes) {
      try {
        p.onExit().get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError("process " + p.pid() + " (" + p.info().commandLine().orElse("?") + ") outlived the run");
      }
    }
  }

  private static int exitStatus(String signal) {
    return switch (signal) {
      case "HUP" -> 129;
      case "INT" -> 130;
      case "TERM" -> 143;
      default -> throw new IllegalArgumentException(signal);
    };
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
