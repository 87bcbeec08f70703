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

  @org.junit.jupiter.api.Test
  void ctrlCWhileWorkerJvmsStartLosesNoUrlAndLeavesNoWorker() throws Exception {
    com.github.tomakehurst.wiremock.WireMockServer wm = new com.github.tomakehurst.wiremock.WireMockServer(
        com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    try {
      wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
              com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/f/.*"))
          .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withBody("quick").withFixedDelay(200)));
      java.util.concurrent.CountDownLatch firstAnswer = new java.util.concurrent.CountDownLatch(1);
      wm.addMockServiceRequestListener((request, response) -> firstAnswer.countDown());
      List<String> urls = java.util.stream.IntStream.range(0, 60).mapToObj(i -> "http://127.0.0.1:" + wm.port() + "/f/" + i).toList();
      Path list = Files.write(tmp.resolve("urls.txt"), urls);
      Path out = tmp.resolve("out");
      Path console = tmp.resolve("console.txt");
      Process crawl =
          new ProcessBuilder(LAUNCHER.toAbsolutePath().toString(), "-m", "processes", "-c", "8", "-o", out.toString(), list.toString())
              .redirectErrorStream(true)
              .redirectOutput(console.toFile())
              .start();
      // the first worker has answered; on 2 cores the other seven are still starting
      assertTrue(firstAnswer.await(60, TimeUnit.SECONDS), "no download finished");

      new ProcessBuilder("kill", "-INT", String.valueOf(crawl.pid())).start().waitFor();

      assertTrue(crawl.waitFor(30, TimeUnit.SECONDS), "crawl did not stop after SIGINT");
      String printed = Files.readString(console);
      assertEquals(130, crawl.exitValue(), printed);
      assertTrue(printed.lines().allMatch(l -> l.isBlank() || l.startsWith("crawl: ")), "only our own lines:\n" + printed);
      assertAllEnd(ProcessHandle.allProcesses()
          .filter(p -> p.info().commandLine().orElse("").contains("dev.crawl.cli.Main worker")).toList());
      java.util.Map<String, String> outcomes = new java.util.HashMap<>();
      for (String line : Files.readAllLines(out.resolve(".crawl/results.jsonl"))) {
        JsonNode r = parse(line);
        outcomes.put(r.get("url").asText(), r.get("outcome").asText());
      }
      for (var event : wm.getAllServeEvents()) {
        String url = "http://127.0.0.1:" + wm.port() + event.getRequest().getUrl();
        assertTrue(List.of("saved", "interrupted").contains(outcomes.get(url)), url + " was requested: " + outcomes.get(url));
      }
      long savedRecords = outcomes.values().stream().filter("saved"::equals).count();
      try (var files = Files.walk(out)) {
        List<Path> kept = files.filter(Files::isRegularFile).filter(p -> !p.startsWith(out.resolve(".crawl"))).toList();
        assertEquals(List.of(), kept.stream().filter(p -> p.getFileName().toString().endsWith(".part")).toList());
        assertEquals(savedRecords, kept.size(), "every file kept has its 'saved' record: " + kept + " " + outcomes);
      }
    } finally {
      wm.stop();
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
