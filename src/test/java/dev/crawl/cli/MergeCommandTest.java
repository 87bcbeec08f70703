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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crawl merge over two runs of parts of one list. */
class MergeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private WireMockServer wm;

  @BeforeEach
  void start() {
    wm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    wm.stubFor(get(urlPathMatching("/ok/.*")).willReturn(aResponse().withBody("fine")));
    wm.stubFor(get(urlPathMatching("/gone/.*")).willReturn(aResponse().withStatus(404)));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + wm.port() + path;
  }

  private record Ran(int status, String err) {}

  /** Runs crawl (any command) in this JVM; stdout is dropped. */
  private Ran crawl(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    int status = Main.run(args, new Io(new ByteArrayInputStream(new byte[0]), quiet,
        new PrintStream(err, true, StandardCharsets.UTF_8)));
    return new Ran(status, err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void mergesRunsIntoOneReportOnOneTimeAxisAndNamesWhatNoRunAccountedFor() throws Exception {
    Path one = tmp.resolve("one");
    Path two = tmp.resolve("two");
    assertEquals(0, crawl("-q", "-o", one.toString(), url("/ok/1"), url("/ok/2")).status());
    assertEquals(1, crawl("-q", "-o", two.toString(), url("/ok/3"), url("/gone/4")).status());
    Path list = Files.write(tmp.resolve("urls.txt"),
        List.of(url("/ok/1"), url("/ok/2"), url("/ok/3"), url("/gone/4"), url("/ok/never-run")));

    Path merged = tmp.resolve("merged");
    Ran r = crawl("merge", "-o", merged.toString(), "--list", list.toString(), one.toString(), two.toString());

    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().contains("1 of the 5 listed URLs are in no run's report"), r.err());
    assertEquals(List.of(url("/ok/never-run")), Files.readAllLines(merged.resolve(MergeCommand.UNACCOUNTED)));
    JsonNode summary = JSON.readTree(merged.resolve("summary.json").toFile());
    assertEquals(3, summary.get("counts").get("saved").asInt());
    assertEquals(1, summary.get("counts").get("failed").asInt());
    assertTrue(Files.size(merged.resolve("report.html")) > 0);
    assertTrue(Files.readString(merged.resolve("summary.md")).contains("3"));
    // the second run's downloads sit after its start on the first run's clock, in lanes named after it
    Instant first = Instant.parse(JSON.readTree(one.resolve(".crawl/summary.json").toFile()).get("startedAt").asText());
    Instant second = Instant.parse(JSON.readTree(two.resolve(".crawl/summary.json").toFile()).get("startedAt").asText());
    long shiftMs = Duration.between(first, second).toMillis();
    List<JsonNode> results = Files.readAllLines(merged.resolve("results.jsonl")).stream().map(this::json).toList();
    assertEquals(4, results.size());
    for (JsonNode n : results) {
      boolean ofTwo = n.get("url").asText().contains("/ok/3") || n.get("url").asText().contains("/gone/4");
      assertTrue(n.get("lane").asText().startsWith(ofTwo ? "two/" : "one/"), n.toString());
      if (ofTwo) {
        assertTrue(n.get("startedMs").asDouble() >= shiftMs, n + " starts before its run did (" + shiftMs + " ms)");
      }
    }
  }

  @Test
  void theRunsCdxjIndexesMergeIntoOneSortedIndexOfEveryEntry() throws Exception {
    Path one = tmp.resolve("one");
    Path two = tmp.resolve("two");
    crawl("-q", "-o", one.toString(), "--warc", tmp.resolve("one.warc.gz").toString(), "--warc-cdx",
        url("/ok/2"), url("/ok/1"));
    crawl("-q", "-o", two.toString(), "--warc", tmp.resolve("two.warc.gz").toString(), "--warc-cdx",
        url("/ok/3"), url("/gone/4"));
    List<String> all = new java.util.ArrayList<>(Files.readAllLines(tmp.resolve("one.cdxj")));
    all.addAll(Files.readAllLines(tmp.resolve("two.cdxj")));

    Path merged = tmp.resolve("merged");
    Ran r = crawl("merge", "-o", merged.toString(), "--cdx", tmp.resolve("one.cdxj").toString(),
        "--cdx", tmp.resolve("two.cdxj").toString(), one.toString(), two.toString());

    assertEquals(1, r.status(), r.err()); // the 404 is a failure of the fleet
    List<String> index = Files.readAllLines(merged.resolve(MergeCommand.MERGED_INDEX));
    assertEquals(4, index.size(), index.toString());
    assertEquals(all.stream().sorted().toList(), index);
    assertTrue(r.err().contains("4 index entries from 2 CDXJ files"), r.err());
  }

  @Test
  void aCdxThatIsNotAFileIsOneLineWithStatusTwo() throws Exception {
    Path one = tmp.resolve("one");
    crawl("-q", "-o", one.toString(), url("/ok/1"));

    Ran r = crawl("merge", "-o", tmp.resolve("m").toString(), "--cdx", tmp.resolve("nope.cdxj").toString(),
        one.toString());

    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("--cdx"), r.err());
  }

  @Test
  void aRunKilledBeforeItsSummaryIsMergedFromItsResults() throws Exception {
    Path one = tmp.resolve("one");
    Path killed = tmp.resolve("killed");
    crawl("-q", "-o", one.toString(), url("/ok/1"));
    crawl("-q", "-o", killed.toString(), url("/ok/2"), url("/ok/3"));
    Files.delete(killed.resolve(".crawl/summary.json")); // as SIGKILL leaves it: results, no summary

    Path merged = tmp.resolve("merged");
    Ran r = crawl("merge", "-o", merged.toString(), one.toString(), killed.toString());

    assertEquals(0, r.status(), r.err());
    JsonNode summary = JSON.readTree(merged.resolve("summary.json").toFile());
    assertEquals(3, summary.get("counts").get("saved").asInt());
    assertTrue(summary.get("exitReason").asText().contains("ended without a summary"), summary.toString());
  }

  @Test
  void aDirectoryWithoutAReportIsOneLineWithStatusTwo() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));

    Ran r = crawl("merge", "-o", tmp.resolve("m").toString(), empty.toString());

    assertEquals(2, r.status(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains(empty + " holds no crawl report"), r.err());
  }

  private JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
