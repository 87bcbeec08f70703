package dev.crawl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crawl.input.UrlParser;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathMapperTest {

  @Test
  void mirrorsHostAndPath() {
    assertEquals("example.com/a/b.html", PathMapper.relativePath(URI.create("http://example.com/a/b.html")));
  }

  @Test
  void savesAnInternationalHostUnderItsReadableName() {
    URI url = UrlParser.parse("https://B\u00fccher.example/\u00e4rger.html").url();

    assertEquals("b\u00fccher.example/\u00e4rger.html", PathMapper.relativePath(url));
  }

  @Test
  void savesAnIpv6HostWithoutColonsInItsName() {
    URI url = UrlParser.parse("http://[::1]:8080/x").url();

    assertEquals("[--1]_8080/x", PathMapper.relativePath(url));
    assertEquals("[2001-db8--1]/x", PathMapper.relativePath(UrlParser.parse("http://[2001:DB8::1]/x").url()));
  }

  @Test
  void keepsAnExplicitPortInTheHostDirectory() {
    assertEquals("127.0.0.1_8080/x.bin", PathMapper.relativePath(URI.create("http://127.0.0.1:8080/x.bin")));
  }

  @Test
  void namesDirectoryUrlsIndexHtml() {
    assertEquals("example.com/index.html", PathMapper.relativePath(URI.create("http://example.com/")));
    assertEquals("example.com/docs/index.html", PathMapper.relativePath(URI.create("http://example.com/docs/")));
  }

  @Test
  void foldsQueriesIntoAShortHashSoDifferentQueriesNeverCollide() {
    String a = PathMapper.relativePath(URI.create("http://h/page.html?id=1"));
    String b = PathMapper.relativePath(URI.create("http://h/page.html?id=2"));
    assertNotEquals(a, b);
    assertTrue(a.matches("h/page@[0-9a-f]{8}\\.html"), a);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://h/../../etc/passwd",
        "http://h/%2e%2e/%2e%2e/etc/passwd",
        "http://h/a/%2E%2E%2F%2E%2E%2Fescape",
        "http://h/..%2f..%2fescape",
        "http://h/a%5c..%5c..%5cescape",
        "http://h/%00nul%01ctl",
        "http://h/.",
        "http://h/..",
        "http://h/C:/Windows/system32",
        "http://h/%2Fetc%2Fpasswd"
      })
  void neverLeavesTheOutputDirectory(String url, @TempDir Path tmp) throws IOException {
    Path root = tmp.resolve("out");
    Store store = new Store(root);
    Pending p = store.begin(URI.create(url));
    Pending.Temp temp = p.newTemp();
    temp.channel().close();
    p.commit(temp.path());
    Path saved = root.resolve(p.relativePath()).normalize();
    assertTrue(saved.startsWith(root), saved + " escaped " + root);
    assertTrue(Files.isRegularFile(saved));
    try (var siblings = Files.list(tmp)) {
      assertEquals(List.of(root), siblings.toList(), "nothing may appear beside the output directory");
    }
  }

  @Test
  void savesAPathThatIsBothAFileAndADirectoryFileFirst(@TempDir Path tmp) throws IOException {
    Store store = new Store(tmp.resolve("out"));
    String a = save(store, "http://h/a", "file a");
    String ab = save(store, "http://h/a/b", "file a/b");

    assertNotEquals(a, ab);
    assertEquals("file a", Files.readString(tmp.resolve("out").resolve(a)));
    assertEquals("file a/b", Files.readString(tmp.resolve("out").resolve(ab)));
    assertEquals("h/a@dir/b", ab);
  }

  @Test
  void savesAPathThatIsBothAFileAndADirectoryDirectoryFirst(@TempDir Path tmp) throws IOException {
    Store store = new Store(tmp.resolve("out"));
    String ab = save(store, "http://h/a/b", "file a/b");
    String a = save(store, "http://h/a", "file a");

    assertEquals("h/a/b", ab);
    assertEquals("h/a@file", a);
    assertEquals("file a", Files.readString(tmp.resolve("out").resolve(a)));
    assertEquals("file a/b", Files.readString(tmp.resolve("out").resolve(ab)));
  }

  @Test
  void aDirectoryThatAppearsDuringADownloadDoesNotSwallowTheFile(@TempDir Path tmp) throws IOException {
    Store store = new Store(tmp.resolve("out"));
    Pending slow = store.begin(URI.create("http://h/a"));
    Pending.Temp temp = slow.newTemp();
    temp.channel().write(java.nio.ByteBuffer.wrap("file a".getBytes(StandardCharsets.UTF_8)));
    temp.channel().close();
    String ab = save(store, "http://h/a/b", "file a/b");

    slow.commit(temp.path());

    assertEquals("h/a@file", slow.relativePath());
    assertEquals("file a", Files.readString(tmp.resolve("out").resolve(slow.relativePath())));
    assertEquals("file a/b", Files.readString(tmp.resolve("out").resolve(ab)));
  }

  private static String save(Store store, String url, String body) throws IOException {
    Pending p = store.begin(URI.create(url));
    Pending.Temp temp = p.newTemp();
    temp.channel().write(java.nio.ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)));
    temp.channel().close();
    p.commit(temp.path());
    return p.relativePath();
  }

  @Test
  void neutralisesEverySegmentThatCouldClimbOut() {
    for (String segment : PathMapper.segments(URI.create("http://h/%2e%2e/../a/%2e/./b"))) {
      assertFalse(segment.equals("..") || segment.equals(".") || segment.contains("/"), segment);
    }
  }

  @Test
  void replacesControlCharactersAndReservedPunctuation() {
    String name = PathMapper.safeSegment("a\u0000b\u001fc<d>e:f\"g|h?i*j\\k");
    assertEquals("a_b_c_d_e_f_g_h_i_j_k", name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"CON", "nul.txt", "Com1", "lpt9.log", "aux"})
  void renamesWindowsReservedNames(String name) {
    assertTrue(PathMapper.safeSegment(name).startsWith("_"), PathMapper.safeSegment(name));
  }

  @Test
  void shortensOverlongSegmentsButKeepsThemDistinct() {
    String a = "x".repeat(300) + "a.html";
    String b = "x".repeat(300) + "b.html";
    String sa = PathMapper.safeSegment(a);
    String sb = PathMapper.safeSegment(b);
    assertTrue(sa.getBytes(StandardCharsets.UTF_8).length <= PathMapper.MAX_SEGMENT_BYTES, sa);
    assertTrue(sa.endsWith(".html"));
    assertNotEquals(sa, sb);
  }

  @Test
  void shortensMultiByteNamesOnACharacterBoundary() {
    String s = PathMapper.safeSegment("é".repeat(200));
    assertTrue(s.getBytes(StandardCharsets.UTF_8).length <= PathMapper.MAX_SEGMENT_BYTES);
    assertFalse(s.contains("\uFFFD"), s);
  }

  @Test
  void keepsNonAsciiNamesReadable() {
    assertEquals("h/straße/日本.txt", PathMapper.relativePath(URI.create("http://h/stra%C3%9Fe/%E6%97%A5%E6%9C%AC.txt")));
  }

  @Test
  void hostileVariantsOfOnePathMapToDistinctNames() {
    Set<String> seen = new HashSet<>();
    for (String u : List.of("http://h/a..b", "http://h/a%2e%2eb", "http://h/a%2fb", "http://h/a%5cb", "http://h/ab")) {
      seen.add(PathMapper.relativePath(URI.create(u)));
    }
    // a%2fb and a%5cb both become a_b; the rest stay distinct
    assertTrue(seen.size() >= 3, seen.toString());
  }
}
