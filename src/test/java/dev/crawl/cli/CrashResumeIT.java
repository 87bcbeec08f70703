package dev.crawl.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** kill -9 mid-run: the journal on disk keeps what was saved, and --resume finishes the job. */
class CrashResumeIT {
  private static final Path LAUNCHER = Path.of(System.getProperty("crawl.launcher", "bin/crawl"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int FAST = 4;
  private static final int SLOW = 4;

  @TempDir Path tmp;
  private WireMockServer wm;

  @BeforeEach
  void startServer() {
    wm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().containerThreads(32));
    wm.start();
  }

  @AfterEach
  void stopServer() {
    wm.stop();
  }

  @ParameterizedTest(name = "{0} mode")
  @ValueSource(strings = {"sync", "threads", "processes", "async", "virtual"})
  void afterKillMinus9ResumeSkipsWhatWasSavedAndFetchesTheRest(String mode) throws Exception {
    wm.stubFor(get(urlPathMatching("/fast/.*")).willReturn(aResponse().withBody("fast body")));
    // headers at once, then a body that takes a minute: a temporary file is open when the kill comes
    wm.stubFor(get(urlPathMatching("/slow/.*"))
        .willReturn(aResponse().withBody("s".repeat(6000)).withChunkedDribbleDelay(60, 60_000)));
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < FAST; i++) {
      urls.add(url("/fast/" + i));
    }
    for (int i = 0; i < SLOW; i++) {
      urls.add(url("/slow/" + i));
    }
    Path list = Files.write(tmp.resolve("urls.txt"), urls);
    Path out = tmp.resolve("out");

    Process crawl =
        new ProcessBuilder(LAUNCHER.toAbsolutePath().toString(), "--jsonl", "-m", mode, "-c", "8", "-o", out.toString(),
                list.toString())
            .redirectError(tmp.resolve("stderr-1.txt").toFile())
            .start();
    // a line on stdout is already in the journal: print-after-flush is the contract tested here
    CompletableFuture<Integer> savedSeen = CompletableFuture.supplyAsync(() -> awaitSaved(crawl, FAST));
    assertEquals(FAST, savedSeen.get(60, TimeUnit.SECONDS), "the fast files were never reported");

    crawl.destroyForcibly(); // SIGKILL: nothing of ours runs

    assertTrue(crawl.waitFor(10, TimeUnit.SECONDS));
    long journaled = records(out).stream().filter(r -> r.get("outcome").asText().equals("saved")).count();
    assertEquals(FAST, journaled, "records on disk after kill -9");

    wm.resetAll();
    wm.stubFor(get(urlPathMatching("/.*")).willReturn(aResponse().withBody("body")));
    Process resume =
        new ProcessBuilder(LAUNCHER.toAbsolutePath().toString(), "--resume", "-q", "-m", mode, "-c", "8", "-o",
                out.toString(), list.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("console-2.txt").toFile())
            .start();
    assertTrue(resume.waitFor(60, TimeUnit.SECONDS), "the resumed run did not finish");
    assertEquals(0, resume.exitValue(), Files.readString(tmp.resolve("console-2.txt")));

    List<JsonNode> after = records(out);
    assertEquals(urls.size(), after.size(), "one record per URL: " + after);
    Map<String, JsonNode> byUrl = after.stream().collect(Collectors.toMap(r -> r.get("url").asText(), Function.identity()));
    for (String u : urls) {
      String expected = u.contains("/fast/") ? "skipped" : "saved";
      assertEquals(expected, byUrl.get(u).get("outcome").asText(), u);
    }
    assertEquals(SLOW, wm.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith("/slow/")).count(),
        "only the unfinished URLs are fetched again");
    try (var files = Files.walk(out)) {
      assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".part")).toList());
    }
  }

  /** Reads --jsonl lines until {@code n} saved records have been printed. */
  private static int awaitSaved(Process crawl, int n) {
    int saved = 0;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(crawl.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; saved < n && (line = lines.readLine()) != null; ) {
        if (JSON.readTree(line).get("outcome").asText().equals("saved")) {
          saved++;
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return saved;
  }

  private static List<JsonNode> records(Path out) throws Exception {
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve(".crawl/results.jsonl"))) {
      records.add(JSON.readTree(line));
    }
    return records;
  }

  private String url(String path) {
    return "http://127.0.0.1:" + wm.port() + path;
  }
}
