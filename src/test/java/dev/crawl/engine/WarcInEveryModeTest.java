package dev.crawl.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crawl.archive.WarcOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * {@code --warc} in every mode, read back with jwarc's reader: a warcinfo record, then a request and
 * a response for every exchange (redirects and errors included), linked by WARC-Concurrent-To, the
 * body as transferred (still gzipped when the server gzipped it), digests that check out, and a
 * revisit for a payload archived before.
 */
class WarcInEveryModeTest {
  private static final byte[] TEXT = "archive me, all of me. ".repeat(1000).getBytes(StandardCharsets.UTF_8);
  private static final byte[] BINARY = new byte[50_000];
  private static WireMockServer server;
  @TempDir Path tmp;

  @BeforeAll
  static void serve() {
    new Random(28500).nextBytes(BINARY);
    // gzip on: Jetty compresses the text for a client that accepts it
    server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    server.stubFor(get("/a.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody(TEXT)));
    server.stubFor(get("/b.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody(TEXT)));
    server.stubFor(get("/moved").willReturn(aResponse().withStatus(301).withHeader("Location", "/c.bin")));
    server.stubFor(get("/c.bin").willReturn(aResponse().withHeader("Content-Type", "application/octet-stream")
        .withBody(BINARY)));
    server.stubFor(get("/missing").willReturn(aResponse().withStatus(404).withBody("no such page")));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  /** What a test looks at of one record, read while the reader is on it (bodies stream once). */
  /** A revisit record's pointer to what it repeats; null for any other record. */
  record Revisit(URI refersTo, URI refersToTarget, URI profile) {}

  record Archived(String type, URI id, URI target, List<URI> concurrentTo, WarcDigest payloadDigest, int status,
      Map<String, List<String>> headers, byte[] body, Revisit revisit) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  /** Every record of every WARC file the run wrote (processes: one per worker). */
  private List<Archived> archived(Mode mode, int concurrency) throws Exception {
    Path warc = tmp.resolve("warc").resolve("run.warc.gz");
    RunFixture.run(mode, concurrency, List.of(url("/a.txt"), url("/b.txt"), url("/moved"), url("/missing")),
        tmp.resolve("out"), TestSettings.fast().withWarc(new WarcOptions(warc.toString(), 0)));
    List<Archived> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(warc.getParent())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".warc.gz")).sorted().toList()) {
        records.addAll(read(file));
      }
    }
    return records;
  }

  /** A file's records, each with its block digest checked against its bytes. */
  static List<Archived> read(Path file) throws IOException {
    List<Archived> records = new ArrayList<>();
    try (WarcReader reader = new WarcReader(file)) {
      reader.calculateBlockDigest();
      for (WarcRecord r : reader) {
        int status = 0;
        Map<String, List<String>> headers = Map.of();
        byte[] body = new byte[0];
        if (r instanceof WarcResponse resp) {
          status = resp.http().status();
          headers = resp.http().headers().map();
          body = resp.http().body().stream().readAllBytes();
        } else if (r instanceof WarcRevisit rev) {
          status = rev.http().status();
          headers = rev.http().headers().map();
          body = rev.http().body().stream().readAllBytes();
        }
        r.body().consume();
        assertEquals(r.blockDigest(), r.calculatedBlockDigest(), "block digest of " + r.type() + " " + r.id());
        WarcTargetRecord t = r instanceof WarcTargetRecord target ? target : null;
        WarcRevisit rev = r instanceof WarcRevisit revisit ? revisit : null;
        records.add(new Archived(r.type(), r.id(), t == null ? null : t.targetURI(),
            r instanceof WarcCaptureRecord c ? c.concurrentTo() : List.of(),
            t == null ? null : t.payloadDigest().orElse(null), status, headers, body,
            rev == null ? null
                : new Revisit(rev.refersTo().orElse(null), rev.refersToTargetURI().orElse(null), rev.profile())));
      }
    }
    assertEquals("warcinfo", records.get(0).type(), "every file starts with its warcinfo");
    return records;
  }

  private static Map<String, Archived> answers(List<Archived> records) {
    return records.stream()
        .filter(r -> r.type().equals("response") || r.type().equals("revisit"))
        .collect(Collectors.toMap(r -> r.target().getPath(), Function.identity()));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void everyExchangeIsARequestAndAResponseLinkedToIt(Mode mode) throws Exception {
    List<Archived> records = archived(mode, 2);

    Map<URI, Archived> byId = records.stream().collect(Collectors.toMap(Archived::id, Function.identity()));
    Map<String, Archived> answers = answers(records);
    assertEquals(java.util.Set.of("/a.txt", "/b.txt", "/moved", "/c.bin", "/missing"), answers.keySet());
    assertEquals(5, records.stream().filter(r -> r.type().equals("request")).count());
    for (Archived answer : answers.values()) {
      Archived request = byId.get(answer.concurrentTo().get(0));
      assertEquals("request", request.type());
      assertEquals(answer.target(), request.target());
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void eachWarcFileHasAnIndexWhoseEveryEntryPointsAtItsRecord(Mode mode) throws Exception {
    Path warc = tmp.resolve("warc").resolve("run.warc.gz");
    RunFixture.run(mode, 2, List.of(url("/a.txt"), url("/b.txt"), url("/moved"), url("/missing")),
        tmp.resolve("out"), TestSettings.fast().withWarc(new WarcOptions(warc.toString(), 0, true)));

    java.util.Set<String> indexed = new java.util.HashSet<>();
    List<Path> warcs;
    try (Stream<Path> files = Files.list(warc.getParent())) {
      warcs = files.filter(f -> f.toString().endsWith(".warc.gz")).sorted().toList();
    }
    for (Path file : warcs) {
      Path index = file.resolveSibling(file.getFileName().toString().replace(".warc.gz", ".cdxj"));
      for (String line : Files.readAllLines(index)) {
        com.fasterxml.jackson.databind.JsonNode entry =
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(line.split(" ", 3)[2]);
        assertEquals(file.getFileName().toString(), entry.get("filename").asText());
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
          channel.position(Long.parseLong(entry.get("offset").asText()));
          WarcRecord at = new WarcReader(channel).next().orElseThrow();
          assertEquals(entry.get("url").asText(), ((WarcTargetRecord) at).target(), line);
          assertTrue(at.type().equals("response") || at.type().equals("revisit"), line);
        }
        indexed.add(URI.create(entry.get("url").asText()).getPath());
      }
    }
    assertEquals(java.util.Set.of("/a.txt", "/b.txt", "/moved", "/c.bin", "/missing"), indexed);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aBodyCutByTheServerIsArchivedAsWhatArrivedMarkedDisconnectAndIsNotSaved(Mode mode) throws Exception {
    byte[] body = new byte[300_000];
    new Random(9).nextBytes(body);
    Path warc = tmp.resolve("warc").resolve("cut.warc.gz");
    try (RangeServer cutting = new RangeServer(body, "\"c1\"").cutNextAfter(100_000)) {
      RunFixture.Result run = RunFixture.run(mode, 1, List.of(cutting.url()), tmp.resolve("out"),
          TestSettings.fast().withRetries(0).withWarc(new WarcOptions(warc.toString(), 0)));

      run.failed("/file.bin");
    }

    Cut cut = onlyResponse(warc.getParent());
    assertEquals("disconnect", cut.truncated());
    byte[] arrived = cut.payload();
    assertTrue(arrived.length > 0 && arrived.length <= 100_000, arrived.length + " bytes");
    assertArrayEquals(java.util.Arrays.copyOf(body, arrived.length), arrived);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aBodyStoppedAtMaxSizeIsArchivedMarkedLength(Mode mode) throws Exception {
    Path warc = tmp.resolve("warc").resolve("long.warc.gz");

    RunFixture.run(mode, 1, List.of(url("/c.bin")), tmp.resolve("out"),
        TestSettings.fast().withMaxBytes(10_000).withWarc(new WarcOptions(warc.toString(), 0))).failed("/c.bin");

    assertEquals("length", onlyResponse(warc.getParent()).truncated());
  }

  /** A response record's WARC-Truncated (null when whole) and its payload. */
  private record Cut(String truncated, byte[] payload) {}

  /** The one response record the run archived (no retries here), from any of its files. */
  private static Cut onlyResponse(Path dir) throws IOException {
    List<Cut> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".warc.gz")).toList()) {
        try (WarcReader reader = new WarcReader(file)) {
          for (WarcRecord r : reader) {
            if (r instanceof WarcResponse response) {
              found.add(new Cut(response.headers().first("WARC-Truncated").orElse(null),
                  response.http().body().stream().readAllBytes()));
            }
          }
        }
      }
    }
    assertEquals(1, found.size(), found.toString());
    return found.get(0);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void whatACrawlFetchesForItselfIsArchivedToo(Mode mode) throws Exception {
    Path warc = tmp.resolve("warc").resolve("crawl.warc.gz");
    dev.crawl.crawl.CrawlOptions robotsAndSitemaps =
        new dev.crawl.crawl.CrawlOptions(1, false, List.of(), false, List.of(), List.of(), true, false).withSitemaps(true);

    RunFixture.crawl(mode, 2, List.of(url("/a.txt")), tmp.resolve("out"),
        TestSettings.fast().withWarc(new WarcOptions(warc.toString(), 0, true)), robotsAndSitemaps);

    List<Archived> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(warc.getParent())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".warc.gz")).sorted().toList()) {
        records.addAll(read(file));
      }
    }
    Map<String, Archived> answers = answers(records);
    assertTrue(answers.containsKey("/robots.txt"), answers.keySet().toString());
    assertTrue(answers.containsKey("/sitemap.xml"), answers.keySet().toString());
    assertEquals(404, answers.get("/robots.txt").status());
    assertEquals(records.stream().filter(r -> r.type().equals("request")).count(),
        records.stream().filter(r -> r.type().equals("response") || r.type().equals("revisit")).count(),
        "each a request and its response");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aResponseHoldsTheBodyAsTransferredWithItsPayloadDigest(Mode mode) throws Exception {
    Map<String, Archived> answers = answers(archived(mode, 2));

    // of the two identical texts, the one archived first is the response (one in each worker's file)
    Archived text = Stream.of("/a.txt", "/b.txt").map(answers::get)
        .filter(r -> r.type().equals("response")).findFirst().orElseThrow();
    assertEquals("gzip", text.header("Content-Encoding"));
    byte[] transferred = text.body();
    assertEquals(0x1f, transferred[0] & 0xff, "still gzipped");
    assertArrayEquals(TEXT, new GZIPInputStream(new ByteArrayInputStream(transferred)).readAllBytes());
    assertEquals(new WarcDigest(sha1(transferred)), text.payloadDigest());
    assertEquals(301, answers.get("/moved").status(), "the redirect, as its own response");
    assertEquals("/c.bin", answers.get("/moved").header("Location"));
    assertEquals(404, answers.get("/missing").status());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aPayloadArchivedBeforeIsARevisitThatRefersToIt(Mode mode) throws Exception {
    // one download at a time: one worker in processes mode, so one file holds both
    Map<String, Archived> answers = answers(archived(mode, 1));

    List<Archived> pair = List.of(answers.get("/a.txt"), answers.get("/b.txt"));
    Archived revisit = pair.stream().filter(r -> r.type().equals("revisit")).findFirst().orElseThrow();
    Archived original = pair.stream().filter(r -> r.type().equals("response")).findFirst().orElseThrow();
    assertEquals(WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1, revisit.revisit().profile());
    assertEquals(original.id(), revisit.revisit().refersTo());
    assertEquals(original.target(), revisit.revisit().refersToTarget());
    assertEquals(original.payloadDigest(), revisit.payloadDigest());
    assertEquals(0, revisit.body().length, "a revisit holds the headers alone");
    assertEquals(200, revisit.status());
  }

  private static MessageDigest sha1(byte[] data) throws Exception {
    MessageDigest d = MessageDigest.getInstance("SHA-1");
    d.update(data);
    return d;
  }
}
