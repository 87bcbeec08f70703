package dev.crawl.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crawl.core.UrlResult;
import dev.crawl.crawl.CrawlOptions;
import dev.crawl.run.EarlierFiles;
import dev.crawl.store.Layout;
import dev.crawl.store.StoreOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where files go, in every mode: {@code -nd} (one flat directory, a taken name aliased by its URL's
 * hash), {@code -nH} and {@code --cut-dirs}, and {@code --layout hash}; the report's path is always
 * the real one, and {@code --resume} and {@code -k} work with each.
 */
class LayoutInEveryModeTest {
  private static final StoreOptions FLAT = store(new Layout(Layout.Kind.FLAT, true, 0));
  private static final StoreOptions HASH = store(new Layout(Layout.Kind.HASH, true, 0));

  @TempDir Path tmp;
  private WireMockServer server;

  private static StoreOptions store(Layout layout) {
    return new StoreOptions(layout, true, StoreOptions.DEFAULT_KEEP_LIMIT);
  }

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    serve("/flags/cn/cn.gif", "CN");
    serve("/flags/br/br.gif", "BR");
    serve("/a/x.txt", "from a");
    serve("/b/x.txt", "from b");
    serve("/copy/1.bin", "the same body");
    serve("/copy/2.bin", "the same body");
    server.stubFor(get("/site/index.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<title>I</title><a href='/site/deeper/page.html'>p</a>")));
    server.stubFor(get("/site/deeper/page.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<title>P</title>page")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private void serve(String path, String body) {
    server.stubFor(get(path).willReturn(aResponse().withBody(body)));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  private Path out() {
    return tmp.resolve("out");
  }

  /** The names at the top of the output, the report directory left out. */
  private Set<String> topNames() throws Exception {
    try (var names = Files.list(out())) {
      return names.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".crawl")).collect(Collectors.toSet());
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void withNoDirectoriesEveryFileLandsInTheOutputByItsOwnName(Mode mode) throws Exception {
    RunFixture.Result run = RunFixture.stored(mode, List.of(url("/flags/cn/cn.gif"), url("/flags/br/br.gif")), out(),
        TestSettings.fast(), FLAT);

    assertEquals("cn.gif", run.saved("/cn.gif").path());
    assertEquals("br.gif", run.saved("/br.gif").path());
    assertEquals(Set.of("cn.gif", "br.gif"), topNames());
    assertEquals("CN", Files.readString(out().resolve("cn.gif")));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aSecondUrlWithATakenNameGetsItsUrlsHashAndTheReportSaysWhichIsWhich(Mode mode) throws Exception {
    RunFixture.Result run = RunFixture.stored(mode, List.of(url("/a/x.txt"), url("/b/x.txt")), out(),
        TestSettings.fast(), FLAT);

    String a = run.saved("/a/x.txt").path();
    String b = run.saved("/b/x.txt").path();
    assertNotEquals(a, b);
    assertTrue(Set.of(a, b).contains("x.txt"), a + " " + b);
    assertTrue((a + b).matches("x\\.txtx@[0-9a-f]{8}\\.txt|x@[0-9a-f]{8}\\.txtx\\.txt"), a + " " + b);
    assertEquals("from a", Files.readString(out().resolve(a)));
    assertEquals("from b", Files.readString(out().resolve(b)));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aFlatRunResumedSkipsEveryFileItSavedUnderItsRealName(Mode mode) throws Exception {
    List<String> urls = List.of(url("/a/x.txt"), url("/b/x.txt"), url("/flags/cn/cn.gif"));
    RunFixture.Result first = RunFixture.stored(mode, urls, out(), TestSettings.fast(), FLAT);
    int asked = server.getAllServeEvents().size();

    RunFixture.Result again = RunFixture.stored(mode, urls, out(), EarlierFiles.SKIP, CrawlOptions.NONE, FLAT);

    assertEquals(asked, server.getAllServeEvents().size(), "nothing fetched again");
    for (String path : List.of("/a/x.txt", "/b/x.txt", "/cn.gif")) {
      assertEquals(first.saved(path).path(), again.skipped(path).path());
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void withoutHostDirectoriesAndWithCutDirsThePathStartsWhereItIsCut(Mode mode) throws Exception {
    RunFixture.Result run = RunFixture.stored(mode, List.of(url("/flags/cn/cn.gif")), out(), TestSettings.fast(),
        store(new Layout(Layout.Kind.TREE, false, 1)));

    assertEquals("cn/cn.gif", run.saved("/cn.gif").path());
    assertEquals("CN", Files.readString(out().resolve("cn/cn.gif")));
    assertEquals(Set.of("cn"), topNames());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void theHashLayoutNamesEachFileByItsContentAndStoresEqualBodiesOnce(Mode mode) throws Exception {
    RunFixture.Result run = RunFixture.stored(mode, List.of(url("/copy/1.bin"), url("/copy/2.bin"), url("/a/x.txt")),
        out(), TestSettings.fast(), HASH);

    String same = sha256("the same body") + ".bin";
    assertEquals(same, run.saved("/1.bin").path());
    assertEquals(same, run.saved("/2.bin").path());
    assertEquals(sha256("from a") + ".txt", run.saved("/x.txt").path());
    assertEquals(Set.of(same, sha256("from a") + ".txt"), topNames(), "one file per body, nothing else");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aHashRunResumedSkipsEveryFileItSaved(Mode mode) throws Exception {
    List<String> urls = List.of(url("/copy/1.bin"), url("/a/x.txt"));
    RunFixture.Result first = RunFixture.stored(mode, urls, out(), TestSettings.fast(), HASH);
    int asked = server.getAllServeEvents().size();

    RunFixture.Result again = RunFixture.stored(mode, urls, out(), EarlierFiles.SKIP, CrawlOptions.NONE, HASH);

    assertEquals(asked, server.getAllServeEvents().size(), "nothing fetched again");
    assertEquals(first.saved("/1.bin").path(), again.skipped("/1.bin").path());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void convertedLinksOfAFlatCrawlPointAtTheFlatNames(Mode mode) throws Exception {
    CrawlOptions convert = new CrawlOptions(1, false, List.of(), false, List.of(), List.of(), false, true);

    RunFixture.stored(mode, List.of(url("/site/index.html")), out(), EarlierFiles.REPLACE, convert, FLAT);

    assertEquals(Set.of("index.html", "page.html"), topNames());
    String index = Files.readString(out().resolve("index.html"));
    assertTrue(index.matches("(?s).*href=['\"]page\\.html['\"].*"), index);
  }

  private static String sha256(String body) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
  }
}
