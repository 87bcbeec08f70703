package dev.crawl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawl.core.Discovered;
import dev.crawl.core.FetchTimings;
import dev.crawl.core.Task;
import dev.crawl.core.UrlResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** results.jsonl is a public contract: what earlier versions wrote still reads, as the same types. */
class ResultsFileTest {
  /** Written by crawl 0.4.0 (3f7247e), before results were typed: a list, a --resume, a crawl, a Ctrl-C. */
  private static final String BEFORE_TYPED = "results-0.4.0.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static List<String> earlierLines() throws IOException {
    try (InputStream in = ResultsFileTest.class.getResourceAsStream(BEFORE_TYPED)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private static List<UrlResult> earlierResults() throws IOException {
    Path copy = Files.createTempFile("results", ".jsonl");
    try {
      Files.write(copy, earlierLines());
      try (Stream<UrlResult> results = ResultsFile.read(copy)) {
        return results.toList();
      }
    } finally {
      Files.delete(copy);
    }
  }

  @Test
  void aFileWrittenBeforeResultsWereTypedReadsAsEveryKindOfOutcome() throws Exception {
    List<UrlResult> results = earlierResults();

    assertEquals(
        List.of("saved", "skipped", "failed", "saved", "skipped", "invalid", "invalid", "duplicate", "failed", "interrupted"),
        results.stream().map(ResultsFile::outcome).toList());
    UrlResult.Saved index = assertInstanceOf(UrlResult.Saved.class, results.get(0));
    assertEquals("Home", index.title());
    assertEquals("127.0.0.1_18555/index.html", index.path());
    assertEquals(141, index.bytes());
    UrlResult.Skipped robots = assertInstanceOf(UrlResult.Skipped.class, results.get(1));
    assertEquals("disallowed by robots.txt", robots.reason());
    assertEquals(1, robots.task().depth());
    assertEquals(URI.create("http://127.0.0.1:18555/index.html"), robots.task().referrer());
    UrlResult.Skipped resumed = assertInstanceOf(UrlResult.Skipped.class, results.get(4));
    assertEquals("127.0.0.1_18555/a.html", resumed.path());
    assertEquals(57, resumed.bytes());
    UrlResult.Failed missing = assertInstanceOf(UrlResult.Failed.class, results.get(8));
    assertEquals(404, missing.status());
    assertEquals("HTTP 404", missing.reason());
    assertEquals(70_536_000, missing.timings().firstByte());
    UrlResult.Invalid invalid = assertInstanceOf(UrlResult.Invalid.class, results.get(5));
    assertEquals("not a url", invalid.url());
    assertEquals("list.txt:3", invalid.source());
    UrlResult.Interrupted stopped = assertInstanceOf(UrlResult.Interrupted.class, results.get(9));
    assertEquals(-1, stopped.timings().firstByte());
  }

  @Test
  void writingAnEarlierFileBackKeepsEveryFieldItHad() throws Exception {
    List<String> lines = earlierLines();
    List<UrlResult> results = earlierResults();

    for (int i = 0; i < lines.size(); i++) {
      JsonNode before = JSON.readTree(lines.get(i));
      JsonNode after = JSON.readTree(ResultsFile.line(results.get(i)));
      for (Map.Entry<String, JsonNode> field : before.properties()) {
        if (!field.getValue().isNull()) {
          assertEquals(field.getValue(), after.get(field.getKey()), field.getKey() + " of " + lines.get(i));
        }
      }
    }
  }

  @Test
  void aSavedResultReadsBackAsItWasWritten() throws Exception {
    Task task = new Task(7, URI.create("http://h/p.html"), "link from http://h/", 1_500_000, 2, URI.create("http://h/"));
    UrlResult.Saved saved = new UrlResult.Saved(task, URI.create("http://h/q.html"), 200, 2,
        new FetchTimings(1_500_000, 2_000_000, 3_000_000, 4_000_000, "slot-3", 500_000),
        new UrlResult.StoredFile(1234, "h/q.html", "0badf00d"),
        new UrlResult.Served("text/html; charset=utf-8", "h2", dev.crawl.core.Validators.NONE),
        new Discovered("Q", List.of(), List.of()));

    UrlResult back = ResultsFile.parse(ResultsFile.line(saved));

    UrlResult.Saved s = assertInstanceOf(UrlResult.Saved.class, back);
    assertEquals(saved.withFound(s.found()), new UrlResult.Saved(task, s.finalUrl(), s.status(), s.attempts(),
        s.timings(), s.file(), new UrlResult.Served(s.contentType(), s.protocol(), dev.crawl.core.Validators.NONE),
        s.found()));
    // the id was a position in the run that wrote it
    assertEquals(new Task(0, task.url(), task.origin(), task.queuedNanos(), 2, task.referrer()), s.task());
    assertEquals(saved.timings(), s.timings());
    assertEquals("text/html; charset=utf-8", s.contentType());
    assertEquals("Q", s.title());
    assertEquals("h2", s.protocol());
  }

  @Test
  void aFileFoundUnchangedReadsBackAsNotModifiedWithItsValidators() throws Exception {
    Task task = new Task(3, URI.create("http://h/a.bin"), "list.txt:3", 0);
    UrlResult.NotModified kept = new UrlResult.NotModified(task, task.url(), 304, 1,
        new FetchTimings(0, 1_000_000, 2_000_000, 2_500_000, "slot-1", 0),
        new UrlResult.StoredFile(5000, "h/a.bin", "0badf00d"),
        new UrlResult.Served("application/octet-stream", "http/1.1",
            new dev.crawl.core.Validators("W/\"x\"", "Tue, 03 Jun 2008 11:05:30 GMT")),
        Discovered.NONE);

    String line = ResultsFile.line(kept);
    UrlResult back = ResultsFile.parse(line);

    assertTrue(line.contains("\"outcome\":\"not-modified\""), line);
    UrlResult.NotModified n = assertInstanceOf(UrlResult.NotModified.class, back);
    assertEquals(kept.validators(), n.validators());
    assertEquals(5000, n.bytes());
    assertEquals("0badf00d", n.crc32());
    assertEquals("h/a.bin", n.path());
    assertEquals(304, n.status());
  }

  @Test
  void aLineCutShortByAKilledRunIsLeftOut() throws Exception {
    Path file = tmp.resolve(ResultsFile.NAME);
    List<String> lines = earlierLines();
    String torn = lines.get(0).substring(0, lines.get(0).length() / 2);
    Files.write(file, List.of(lines.get(2), torn));

    try (Stream<UrlResult> results = ResultsFile.read(file)) {
      List<UrlResult> read = results.toList();
      assertEquals(1, read.size());
      assertTrue(read.get(0) instanceof UrlResult.Failed);
    }
  }
}
