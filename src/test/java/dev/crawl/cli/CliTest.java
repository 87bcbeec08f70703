package dev.crawl.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crawl.engine.TestCertificates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract: exit statuses, messages, what goes to stdout and stderr. */
class CliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private WireMockServer wm;

  record Ran(int status, String out, String err) {}

  @BeforeEach
  void startServer() {
    wm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    wm.stubFor(get(urlPathMatching("/ok/.*")).willReturn(aResponse().withBody("fine")));
    wm.stubFor(get(urlPathMatching("/gone/.*")).willReturn(aResponse().withStatus(404)));
  }

  @AfterEach
  void stopServer() {
    wm.stop();
  }

  @Test
  void exitsZeroWhenEveryUrlIsSaved() throws Exception {
    Ran r = crawl("", "-o", out(), list(url("/ok/1"), url("/ok/2")));
    assertEquals(0, r.status(), r.err());
    assertTrue(Files.isRegularFile(tmp.resolve("out/127.0.0.1_" + wm.port() + "/ok/1")));
  }

  @Test
  void theJdkTransportSavesTheSameFilesAndTheSummarySaysWhichCarriedThem() throws Exception {
    Ran r = crawl("", "--transport", "jdk", "-o", out(), list(url("/ok/1")));

    assertEquals(0, r.status(), r.err());
    assertEquals("fine", Files.readString(tmp.resolve("out/127.0.0.1_" + wm.port() + "/ok/1")));
    JsonNode summary = JSON.readTree(tmp.resolve("out/.crawl/summary.json").toFile());
    assertEquals("jdk", summary.get("transport").asText());
  }

  @Test
  void anUnknownTransportIsOneLineNamingTheChoices() throws Exception {
    Ran r = crawl("", "--transport", "curl", "-o", out(), list(url("/ok/1")));

    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("--transport") && r.err().contains("NETTY") && r.err().contains("JDK"), r.err());
    assertEquals(0, wm.getAllServeEvents().size(), "nothing fetched");
  }

  @Test
  void eachFailureIsALineOnTheTerminalAndTheEndGroupsThemByReason() throws Exception {
    Ran r = crawl("", "-o", out(), list(url("/gone/1"), url("/gone/2"), url("/ok/1"), "http://127.0.0.1:1/refused"));

    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().contains("crawl: " + url("/gone/1") + ": HTTP 404 Not Found\n"), r.err());
    assertTrue(r.err().contains("crawl: http://127.0.0.1:1/refused: "), r.err());
    assertTrue(r.err().contains("crawl: failed: 2 × HTTP 404 Not Found, 1 × "), r.err());
    assertEquals("", r.out());
  }

  @Test
  void quietKeepsOnlyTheGroupedFailures() throws Exception {
    Ran r = crawl("", "-q", "-o", out(), list(url("/gone/1"), url("/ok/1")));

    assertEquals(1, r.status(), r.err());
    assertEquals("crawl: failed: 1 × HTTP 404 Not Found", r.err().strip());
  }

  @Test
  void failuresOnTheTerminalLeaveJsonlOnStdoutClean() throws Exception {
    Ran r = crawl("", "--jsonl", "-o", out(), list(url("/gone/1"), url("/ok/1")));

    assertEquals(2, r.out().lines().count(), r.out());
    for (String line : r.out().lines().toList()) {
      JSON.readTree(line);
    }
    assertTrue(r.err().contains(": HTTP 404 Not Found"), r.err());
  }

  @Test
  void aRunThatKeptACutBodySaysSoAtTheEnd() throws Exception {
    try (java.net.ServerSocket cutting = new java.net.ServerSocket(0, 8, java.net.InetAddress.getLoopbackAddress())) {
      // one response that promises 1,000 bytes, sends 500 and hangs up: a cut -C can continue
      Thread.ofVirtual().start(() -> {
        try (java.net.Socket s = cutting.accept()) {
          s.getInputStream().read(new byte[4096]);
          s.getOutputStream().write(("HTTP/1.1 200 OK\r\nETag: \"c1\"\r\nContent-Length: 1000\r\n\r\n" + "x".repeat(500))
              .getBytes(StandardCharsets.ISO_8859_1));
        } catch (java.io.IOException ignored) {
          // the test's assertions say what went wrong
        }
      });
      String url = "http://127.0.0.1:" + cutting.getLocalPort() + "/cut.bin";

      Ran r = crawl("", "--retries", "0", "-o", out(), list(url));

      assertEquals(1, r.status(), r.err());
      assertEquals(500, Files.size(tmp.resolve("out/127.0.0.1_" + cutting.getLocalPort() + "/.cut.bin.partial")));
      assertTrue(r.err().contains("crawl: kept 1 cut body (500 B) for -C; --no-keep-partial drops them"), r.err());
    }
  }

  @Test
  void anOutputDirectoryThatCannotBeMadeIsOneLineWithStatusTwo() throws Exception {
    Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");

    Ran r = crawl("", "-o", file.resolve("out").toString(), list(url("/ok/1")));

    assertEquals(2, r.status(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("crawl: cannot create the output directory " + file.resolve("out")), r.err());
    assertTrue(r.err().contains("give another with -o"), r.err());
    assertEquals(0, wm.getAllServeEvents().size(), "nothing fetched");
  }

  @Test
  void aCaCertificateFileThatHoldsNoCertificateIsOneLineWithStatusTwo() throws Exception {
    Path notPem = Files.writeString(tmp.resolve("ca.pem"), "-----BEGIN NOTHING-----\n");

    Ran r = crawl("", "--ca-certificate", notPem.toString(), "-o", out(), list(url("/ok/1")));

    assertEquals(2, r.status(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("crawl: --ca-certificate: not a PEM certificate file: " + notPem), r.err());
    assertEquals(0, wm.getAllServeEvents().size(), "nothing fetched");
  }

  @Test
  void aClientKeyOfAnotherCertificateIsOneLineWithStatusTwo() throws Exception {
    TestCertificates tls = TestCertificates.makeIn(tmp);

    Ran r = crawl("", "--client-certificate", tls.clientCertificate.toString(), "--client-key",
        tls.caPem.toString(), "-o", out(), list(url("/ok/1")));

    assertEquals(2, r.status(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("crawl: --client-certificate: no PEM private key (BEGIN PRIVATE KEY) in "), r.err());
    assertEquals(0, wm.getAllServeEvents().size(), "nothing fetched");
  }

  @Test
  void credentialsAreNeverWrittenToTheReportsOrTheTerminal() throws Exception {
    wm.stubFor(get("/locked").willReturn(aResponse().withStatus(401)));
    String secret = "TOPSECRET-42";
    String encoded = java.util.Base64.getEncoder().encodeToString(("ann:" + secret).getBytes(StandardCharsets.UTF_8));

    Ran r = crawl("", "-v", "--jsonl", "--user", "ann:" + secret, "-o", out(), list(url("/ok/1"), url("/locked")));

    assertEquals(1, r.status(), r.err());
    String results = Files.readString(Path.of(out(), ".crawl", "results.jsonl"));
    assertTrue(results.contains("the server refused the credentials sent"), results);
    for (String text : allText(Path.of(out()), r)) {
      assertFalse(text.contains(secret) || text.contains(encoded), text);
    }
    assertEquals("Basic " + encoded, wm.findAll(getRequestedFor(urlEqualTo("/ok/1"))).get(0).getHeader("Authorization"));
  }

  /** Everything a run wrote: stdout, stderr and every file of the output directory, reports included. */
  private static List<String> allText(Path dir, Ran r) throws IOException {
    List<String> texts = new ArrayList<>(List.of(r.out(), r.err()));
    try (var files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        texts.add(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return texts;
  }

  @Test
  void aShardOutsideOneToNIsOneLineWithStatusTwo() throws Exception {
    Ran r = crawl("", "--shard", "5/4", "-o", out(), list(url("/ok/1")));

    assertEquals(2, r.status(), r.err());
    assertEquals("crawl: --shard 5/4: a shard is K/N with 1 <= K <= N, got 5/4", r.err().strip());
    assertEquals(0, wm.getAllServeEvents().size(), "nothing fetched");
  }

  @Test
  void aProxyOfAnotherKindIsOneLineWithStatusTwo() throws Exception {
    Ran r = crawl("", "--proxy", "socks5://127.0.0.1:1080", "-o", out(), list(url("/ok/1")));

    assertEquals(2, r.status(), r.err());
    assertEquals("crawl: --proxy: only http:// proxies are supported (HTTPS goes through them with CONNECT), not socks5://",
        r.err().strip());
    assertEquals(0, wm.getAllServeEvents().size(), "nothing fetched");
  }

  @Test
  void aNetrcFileThatCannotBeReadIsOneLineWithStatusTwo() throws Exception {
    Path broken = Files.writeString(tmp.resolve("netrc"), "machine a.example logon ann\n");

    Ran r = crawl("", "--netrc-file", broken.toString(), "-o", out(), list(url("/ok/1")));

    assertEquals(2, r.status(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("crawl: --netrc-file: " + broken + ": unexpected 'logon'"), r.err());
    assertEquals(0, wm.getAllServeEvents().size(), "nothing fetched");
  }

  @Test
  void aHeaderWithALineBreakIsRefusedBeforeAnythingIsSent() throws Exception {
    Ran r = crawl("", "-H", "X-A: 1\r\nHost: evil", "-o", out(), list(url("/ok/1")));

    assertEquals(2, r.status(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("header injection"), r.err());
    assertEquals(0, wm.getAllServeEvents().size(), "nothing fetched");
  }

  @Test
  void aHeaderCrawlSetsItselfIsRefusedWithTheReason() {
    Ran r = crawl("", "-H", "Accept-Encoding: br", "http://127.0.0.1:1/x");

    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("Accept-Encoding is set by crawl itself (it lists the codings crawl decodes)"), r.err());
  }

  @Test
  void insecureSaysSoOnStderrAndInTheSummary() throws Exception {
    Ran r = crawl("", "--insecure", "-o", out(), list(url("/ok/1")));

    assertEquals(0, r.status(), r.err());
    assertTrue(r.err().startsWith("crawl: --insecure: certificates are not checked"), r.err());
    String summary = Files.readString(tmp.resolve("out/.crawl/summary.json"));
    assertTrue(summary.matches("(?s).*\"insecure\"\\s*:\\s*true.*"), summary);
  }

  @Test
  void exitsOneAndPointsAtTheReportWhenSomeUrlsFail() throws Exception {
    Ran r = crawl("", "-o", out(), list(url("/ok/1"), url("/gone/1")));
    assertEquals(1, r.status());
    assertTrue(r.err().contains("1 failed"), r.err());
    assertTrue(r.err().contains("results.jsonl"), r.err());
  }

  @Test
  void reportsAnInvalidLineWithFileAndLineNumberAndRunsTheRest() throws Exception {
    Path list = tmp.resolve("urls.txt");
    Files.writeString(list, "# my list\n\n" + url("/ok/1") + "\nftp://example.com/x\n" + url("/ok/2") + "\n");

    Ran r = crawl("", "-o", out(), list.toString());

    assertEquals(1, r.status());
    assertTrue(r.err().contains(list + ":4: unsupported scheme 'ftp'"), r.err());
    assertEquals(1, wm.findAll(getRequestedFor(urlEqualTo("/ok/2"))).size());
    assertTrue(r.err().contains("1 invalid"), r.err());
  }

  @Test
  void downloadsADuplicatedUrlOnceAndCountsTheDuplicate() throws Exception {
    Ran r = crawl("", "-o", out(), list(url("/ok/1"), url("/ok/1"), url("/ok/1#frag"), url("/ok/../ok/1")));

    assertEquals(0, r.status(), r.err());
    assertEquals(1, wm.findAll(getRequestedFor(urlEqualTo("/ok/1"))).size());
    assertTrue(r.err().contains("3 duplicate"), r.err());
  }

  @Test
  void printsOnlyOneJsonObjectPerUrlOnStdoutWithJsonl() throws Exception {
    Ran r = crawl("", "--jsonl", "-o", out(), list(url("/ok/1"), url("/gone/2"), "nonsense"));

    List<JsonNode> lines = new ArrayList<>();
    for (String line : r.out().split("\n")) {
      lines.add(JSON.readTree(line));
    }
    assertEquals(3, lines.size(), r.out());
    assertEquals(
        List.of("failed", "invalid", "saved"),
        lines.stream().map(n -> n.get("outcome").asText()).sorted().toList());
  }

  @Test
  void printsOnlyThePathsOfSavedFilesWithPaths() throws Exception {
    Ran r = crawl("", "--paths", "-o", out(), list(url("/ok/1"), url("/gone/2"), url("/ok/3")));

    List<String> lines = r.out().lines().toList();
    assertEquals(2, lines.size(), r.out());
    for (String line : lines) {
      assertTrue(Files.isRegularFile(Path.of(line)), line);
    }
  }

  @Test
  void refusesJsonlAndPathsTogether() throws Exception {
    Ran r = crawl("", "--jsonl", "--paths", "-o", out(), url("/ok/1"));
    assertEquals(2, r.status());
    assertOneLine(r.err(), "choose one");
  }

  @Test
  void showsNoProgressLineWhenStderrIsNotATerminal() throws Exception {
    Ran r = crawl("", "-o", out(), list(url("/ok/1"), url("/ok/2")));
    assertFalse(r.err().contains("%"), r.err());
    assertEquals(2, r.err().lines().count(), r.err());
  }

  @Test
  void showsAProgressLineWhenTheLauncherSaysStderrIsATerminal() throws Exception {
    String before = System.getProperty("crawl.stderr.tty");
    System.setProperty("crawl.stderr.tty", "true");
    try {
      Ran r = crawl("", "-o", out(), list(url("/ok/1"), url("/ok/2"), url("/gone/3")));
      assertTrue(r.err().contains("3/3 URLs"), r.err());
      assertTrue(r.err().contains("1 failed"), r.err());

      Ran quiet = crawl("", "-q", "-o", out(), list(url("/ok/4")));
      assertEquals("", quiet.err());
    } finally {
      if (before == null) {
        System.clearProperty("crawl.stderr.tty");
      } else {
        System.setProperty("crawl.stderr.tty", before);
      }
    }
  }

  @Test
  void writesABashCompletionScript() throws Exception {
    Ran r = crawl("", "completion");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("complete -F"), r.out().lines().limit(5).toList().toString());
    assertTrue(r.out().contains("--concurrency"));
  }

  @Test
  void theCompletionScriptCoversEverySubcommand() throws Exception {
    Ran r = crawl("", "completion");
    for (String sub : List.of("compare", "demo", "serve")) {
      assertTrue(r.out().contains(sub), sub + " missing from the completion script");
    }
  }

  @Test
  void helpListsEverySubcommand() throws Exception {
    Ran r = crawl("", "--help");
    assertEquals(0, r.status(), r.err());
    for (String sub : List.of("compare", "demo", "serve", "completion")) {
      assertTrue(r.out().lines().anyMatch(l -> l.strip().startsWith(sub + " ")), sub + " missing from:\n" + r.out());
    }
  }

  @Test
  void theQuickVersionAnswerIsTheOneTheParserGives() throws Exception {
    Ran quick = crawl("", "--version");
    Ran parsed = crawl("", "--version", "--verbose");
    assertEquals(0, quick.status());
    assertEquals(parsed.out(), quick.out());
    assertTrue(quick.out().startsWith("crawl "), quick.out());
  }

  @Test
  void aSubcommandNamedAfterTopLevelOptionsIsStillRun() throws Exception {
    Ran r = crawl("", "-q", "completion");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("complete -F"));
  }

  @Test
  void writesHtmlAndMarkdownReportsBesideTheResults() throws Exception {
    Ran r = crawl("", "-o", out(), list(url("/ok/1")));
    assertEquals(0, r.status(), r.err());
    Path reports = tmp.resolve("out/.crawl");
    for (String name : List.of("report.html", "summary.md", "summary.json", "results.jsonl", "results.csv")) {
      assertTrue(Files.isRegularFile(reports.resolve(name)), name);
    }
  }

  @Test
  void readsUrlsFromStandardInput() throws Exception {
    Ran r = crawl(url("/ok/a") + "\n" + url("/ok/b") + "\n", "-o", out(), "-");
    assertEquals(0, r.status(), r.err());
    assertEquals(1, wm.findAll(getRequestedFor(urlEqualTo("/ok/b"))).size());
  }

  @Test
  void acceptsUrlsGivenAsArguments() throws Exception {
    Ran r = crawl("", "-m", "sync", "-o", out(), url("/ok/x"));
    assertEquals(0, r.status(), r.err());
  }

  @Test
  void exitsTwoWithOneLineForAMissingList() throws Exception {
    Ran r = crawl("", "-o", out(), tmp.resolve("nope.txt").toString());
    assertEquals(2, r.status());
    assertOneLine(r.err(), "cannot read URL list");
  }

  @Test
  void exitsTwoWithOneLineForADirectoryGivenAsList() throws Exception {
    Ran r = crawl("", "-o", out(), tmp.toString());
    assertEquals(2, r.status());
    assertOneLine(r.err(), "is a directory");
  }

  @Test
  void aLineThatIsNotUtf8IsOneInvalidLineAndTheRestOfTheListRuns() throws Exception {
    Path list = tmp.resolve("latin1.txt");
    Files.write(list, bytes(url("/ok/1") + "\nhttp://127.0.0.1/caf", new byte[] {(byte) 0xe9}, "\n" + url("/ok/2") + "\n"));

    Ran r = crawl("", "-o", out(), list.toString());

    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().contains(list + ":2: not UTF-8 — skipped"), r.err());
    assertTrue(r.err().contains("saved 2 of 3 URLs (0 failed, 1 invalid"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void aByteOrderMarkAndWindowsLineEndsAreRead() throws Exception {
    Path list = tmp.resolve("windows.txt");
    Files.write(list, bytes("", new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, url("/ok/1") + "\r\n" + url("/ok/2") + "\r\n"));

    Ran r = crawl("", "-o", out(), list.toString());

    assertEquals(0, r.status(), r.err());
    assertEquals(1, wm.findAll(getRequestedFor(urlEqualTo("/ok/1"))).size());
    assertEquals(1, wm.findAll(getRequestedFor(urlEqualTo("/ok/2"))).size());
  }

  @Test
  void aNulByteMakesItsLineInvalid() throws Exception {
    Path list = tmp.resolve("nul.txt");
    Files.write(list, bytes(url("/ok/1") + "\n" + url("/ok/a"), new byte[] {0}, "b\n" + url("/ok/2") + "\n"));

    Ran r = crawl("", "-o", out(), list.toString());

    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().contains(list + ":2: contains a NUL byte — skipped"), r.err());
    assertEquals(1, wm.findAll(getRequestedFor(urlEqualTo("/ok/2"))).size());
  }

  @Test
  void exitsTwoWithOneLineForAListThatIsNotTextAtAll() throws Exception {
    byte[] binary = new byte[4096];
    new java.util.SplittableRandom(1).nextBytes(binary);
    Path list = Files.write(tmp.resolve("image.png"), binary);

    Ran r = crawl("", "-o", out(), list.toString());

    assertEquals(2, r.status());
    assertOneLine(r.err(), "not a list of URLs (binary data, not text)");
  }

  private static byte[] bytes(String before, byte[] raw, String after) {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    b.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    b.writeBytes(raw);
    b.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return b.toByteArray();
  }

  @Test
  void exitsTwoWithOneLineForAnEmptyList() throws Exception {
    Path empty = Files.writeString(tmp.resolve("empty.txt"), "");
    Ran r = crawl("", "-o", out(), empty.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().lines().anyMatch(l -> l.equals(
        "crawl: no URLs in the input (" + empty + "): it is empty or has only blank lines and # comments")), r.err());
  }

  @Test
  void exitsTwoWithOneLineForAListOfOnlyComments() throws Exception {
    Path comments = Files.writeString(tmp.resolve("comments.txt"), "# nothing here\n\n   # nor here\n");
    Ran r = crawl("", "-o", out(), comments.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("no URLs in the input"), r.err());
  }

  @Test
  void reportsSchemeLessJavascriptAndOverlongLinesWithTheirLineNumbers() throws Exception {
    Path list = tmp.resolve("bad.txt");
    Files.writeString(list, "example.com/page\njavascript:alert(1)\nhttp://h/" + "a".repeat(100_000) + "\n" + url("/ok/1") + "\n");

    Ran r = crawl("", "-o", out(), list.toString());

    assertEquals(1, r.status());
    assertTrue(r.err().contains(list + ":1: no scheme"), r.err());
    assertTrue(r.err().contains(list + ":2: unsupported scheme 'javascript'"), r.err());
    assertTrue(r.err().contains(list + ":3: URL too long"), r.err());
    assertTrue(r.err().lines().allMatch(l -> l.length() < 300), "one short line each");
    assertTrue(r.err().contains("saved 1 of 4"), r.err());
  }

  @Test
  void downloadsAHundredThousandDuplicatesOnce() throws Exception {
    Path list = tmp.resolve("dups.txt");
    Files.write(list, java.util.Collections.nCopies(100_000, url("/ok/same")));

    Ran r = crawl("", "-o", out(), list.toString());

    assertEquals(0, r.status(), r.err());
    assertEquals(1, wm.findAll(getRequestedFor(urlEqualTo("/ok/same"))).size());
    assertTrue(r.err().contains("99999 duplicate"), r.err());
  }

  @Test
  void resumeFetchesOnlyWhatTheEarlierRunDidNotSave() throws Exception {
    wm.stubFor(get("/flaky/1").inScenario("resume").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    wm.stubFor(get("/flaky/1").inScenario("resume").whenScenarioStateIs("up").willReturn(aResponse().withBody("now")));
    String urls = list(url("/ok/1"), url("/ok/2"), url("/flaky/1"));

    Ran first = crawl("", "--retries", "0", "-o", out(), urls);
    Files.delete(tmp.resolve("out/127.0.0.1_" + wm.port() + "/ok/2"));
    Ran second = crawl("", "--resume", "-o", out(), urls);

    assertEquals(1, first.status(), first.err());
    assertEquals(0, second.status(), second.err());
    assertEquals(1, wm.findAll(getRequestedFor(urlEqualTo("/ok/1"))).size(), "saved before, not fetched again");
    assertEquals(2, wm.findAll(getRequestedFor(urlEqualTo("/ok/2"))).size(), "its file was deleted, so fetched again");
    assertEquals(2, wm.findAll(getRequestedFor(urlEqualTo("/flaky/1"))).size(), "failed before, fetched again");
    assertTrue(second.err().contains("1 skipped"), second.err());
    List<String> outcomes = Files.readAllLines(tmp.resolve("out/.crawl/results.jsonl")).stream()
        .map(l -> readOutcome(l)).sorted().toList();
    assertEquals(List.of("saved", "saved", "skipped"), outcomes);
  }

  @Test
  void aSecondResumeSkipsWhatTheFirstResumeSkipped() throws Exception {
    String urls = list(url("/ok/1"), url("/ok/2"));

    crawl("", "-o", out(), urls);
    crawl("", "--resume", "-o", out(), urls);
    Ran third = crawl("", "--resume", "-o", out(), urls);

    assertEquals(0, third.status(), third.err());
    assertEquals(1, wm.findAll(getRequestedFor(urlEqualTo("/ok/1"))).size(), "saved once, skipped twice");
    assertEquals(1, wm.findAll(getRequestedFor(urlEqualTo("/ok/2"))).size(), "saved once, skipped twice");
    assertTrue(third.err().contains("2 skipped"), third.err());
  }

  @Test
  void timestampingKeepsWhatDidNotChangeAndSaysHowMany() throws Exception {
    wm.stubFor(get("/tagged").willReturn(aResponse().withBody("v1").withHeader("ETag", "\"v1\"")));
    wm.stubFor(get("/tagged").withHeader("If-None-Match", equalTo("\"v1\"")).atPriority(1)
        .willReturn(aResponse().withStatus(304)));
    String urls = list(url("/tagged"), url("/ok/1"));

    crawl("", "-o", out(), urls);
    Ran second = crawl("", "-N", "-o", out(), urls);

    assertEquals(0, second.status(), second.err());
    assertTrue(second.err().contains("saved 1 of 2 URLs") && second.err().contains("1 not modified"), second.err());
    List<String> outcomes = Files.readAllLines(tmp.resolve("out/.crawl/results.jsonl")).stream()
        .map(l -> readOutcome(l)).sorted().toList();
    assertEquals(List.of("not-modified", "saved"), outcomes);
  }

  @Test
  void aWarcSizeWithoutAWarcIsRefused() throws Exception {
    Ran r = crawl("", "--warc-max-size", "1M", "-o", out(), url("/ok/1"));
    assertEquals(2, r.status());
    assertOneLine(r.err(), "--warc-max-size needs --warc FILE");
  }

  @Test
  void aWarcIsWrittenWhereItIsAsked() throws Exception {
    Path warc = tmp.resolve("archive/run.warc.gz");
    Ran r = crawl("", "--warc", warc.toString(), "-o", out(), url("/ok/1"));
    assertEquals(0, r.status(), r.err());
    String text = new String(new java.util.zip.GZIPInputStream(Files.newInputStream(warc)).readAllBytes(),
        java.nio.charset.StandardCharsets.ISO_8859_1);
    assertTrue(text.contains("WARC-Type: response") && text.contains("WARC-Target-URI: " + url("/ok/1")), text);
  }

  @Test
  void refusesTimestampingWithResume() throws Exception {
    Ran r = crawl("", "-N", "--resume", "-o", out(), url("/ok/1"));
    assertEquals(2, r.status());
    assertOneLine(r.err(), "choose one");
  }

  @Test
  void refusesTimestampingWithConvertedLinks() throws Exception {
    Ran r = crawl("", "-N", "-k", "-o", out(), url("/ok/1"));
    assertEquals(2, r.status());
    assertOneLine(r.err(), "-N and -k");
  }

  private static String readOutcome(String line) {
    try {
      return JSON.readTree(line).get("outcome").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void exitsTwoWhenGivenNoInput() throws Exception {
    Ran r = crawl("", "-o", out());
    assertEquals(2, r.status());
    assertOneLine(r.err(), "no input");
  }

  @Test
  void exitsTwoForAnUnknownMode() throws Exception {
    Ran r = crawl("", "-m", "turbo", url("/ok/1"));
    assertEquals(2, r.status());
    assertTrue(r.err().contains("turbo"), r.err());
  }

  @Test
  void comparesModesAndFindsTheirFilesIdentical() throws Exception {
    Ran r = crawl("", "compare", "-m", "sync,async,virtual", "-c", "4", "-o", out(), list(url("/ok/1"), url("/ok/2")));
    assertEquals(0, r.status(), r.err());
    for (String mode : List.of("sync", "async", "virtual")) {
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith(mode + " ")), r.out());
    }
    assertTrue(Files.isRegularFile(tmp.resolve("out/compare.html")));
    JsonNode compare = JSON.readTree(tmp.resolve("out/compare.json").toFile());
    assertTrue(compare.get("identical").asBoolean());
    assertEquals(3, compare.get("runs").size());
  }

  private void assertOneLine(String err, String expected) {
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.contains(expected), err);
    assertTrue(err.startsWith("crawl: "), err);
  }

  @Test
  void saysWhenThePerHostCapNotTheConcurrencyBoundedTheRun() throws Exception {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      urls.add(url("/ok/" + i));
    }
    String list = list(urls.toArray(String[]::new));

    Ran capped = crawl("", "-c", "16", "--per-host", "2", "-o", out(), list);
    Ran lifted = crawl("", "-c", "16", "--per-host", "0", "-o", tmp.resolve("out2").toString(), list);

    assertEquals(0, capped.status(), capped.err());
    assertTrue(capped.err().contains("--per-host 2 bounded this run, not -c 16"), capped.err());
    assertTrue(capped.err().contains("to 1 host; --per-host 0 lifts the cap"), capped.err());
    assertFalse(lifted.err().contains("bounded this run"), lifted.err());
  }

  @Test
  void helpSaysHowLongADeadUrlCanHoldARunAndItMatchesTheDefaults() {
    Ran r = crawl("", "--help");
    var defaults = dev.crawl.fetch.FetchSettings.DEFAULTS;

    String help = r.out().replaceAll("\\s+", " ");
    assertTrue(help.contains("A URL that never answers is given up after " + defaults.silentUrlGivenUpAfter().toSeconds() + " s"), help);
    assertTrue(help.contains("no dead URL holds a run for more than " + defaults.deadUrlWorstCase().toSeconds() + " s"), help);
  }

  @Test
  void aUrlOnStandardInputIsFetchedWhileTheInputIsStillOpen() throws Exception {
    java.util.concurrent.CountDownLatch fetched = new java.util.concurrent.CountDownLatch(1);
    wm.addMockServiceRequestListener((request, response) -> fetched.countDown());
    byte[] first = (url("/ok/first") + "\n").getBytes(StandardCharsets.UTF_8);
    java.util.concurrent.atomic.AtomicBoolean fetchedBeforeTheEnd = new java.util.concurrent.atomic.AtomicBoolean();
    // a pipeline that has sent one URL and stays open until that URL has been fetched (bounded)
    java.io.InputStream slowPipe = new java.io.InputStream() {
      private int sent;

      @Override
      public int read() {
        throw new UnsupportedOperationException("read in blocks");
      }

      @Override
      public int read(byte[] b, int off, int len) throws java.io.IOException {
        if (sent < first.length) {
          int n = Math.min(len, first.length - sent);
          System.arraycopy(first, sent, b, off, n);
          sent += n;
          return n;
        }
        try {
          fetchedBeforeTheEnd.compareAndSet(false, fetched.await(30, java.util.concurrent.TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          throw new java.io.InterruptedIOException();
        }
        return -1;
      }
    };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Io io = new Io(slowPipe, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    int status = Main.run(new String[] {"-o", out(), "-"}, io);

    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    assertTrue(fetchedBeforeTheEnd.get(), "the URL was fetched only once the input ended");
  }

  private Ran crawl(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Io io =
        new Io(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    int status = Main.run(args, io);
    return new Ran(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String list(String... urls) throws Exception {
    Path list = Files.createTempFile(tmp, "urls", ".txt");
    Files.write(list, List.of(urls));
    return list.toString();
  }

  private String out() {
    return tmp.resolve("out").toString();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + wm.port() + path;
  }
}
