package dev.crawl.crawl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crawl.core.Discovered;
import dev.crawl.core.FetchTimings;
import dev.crawl.core.Task;
import dev.crawl.core.UrlResult;
import dev.crawl.store.Store;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -k}: only link values change; every other byte of a page stays as served. */
class LinkConverterTest {
  @TempDir Path out;
  private final List<UrlResult> results = new ArrayList<>();

  /** A file the crawl saved: its URL and where it went under the output directory. */
  private void saved(String url, String path, byte[] body) throws Exception {
    saved(url, path, body, null);
  }

  private void saved(String url, String path, byte[] body, String contentType) throws Exception {
    Path file = out.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, body);
    results.add(new UrlResult.Saved(new Task(results.size() + 1, URI.create(url), "s", 0), null, 200, 1,
        new FetchTimings(0, 0, 0, 0, "t"),
        new UrlResult.StoredFile(body.length, path, "0"),
        new UrlResult.Served(contentType, null, dev.crawl.core.Validators.NONE), Discovered.NONE));
  }

  private int convert() throws Exception {
    return convert(CrawlBounds.DEFAULT_MAX_PARSE);
  }

  private int convert(long maxParse) throws Exception {
    return LinkConverter.convertAll(new Store(out), results.stream(), maxParse);
  }

  @Test
  void ofAPageOverMaxParseTheLinksInThePrefixAreConvertedAndTheRestIsCopiedAsItIs() throws Exception {
    String tail = "<p>" + "z".repeat(5000) + "</p><a href=\"http://h/x.html\">past the prefix</a>";
    String page = "<a href=\"http://h/x.html\">x</a><p>" + "y".repeat(100) + "</p>" + tail;
    saved("http://h/index.html", "h/index.html", page.getBytes(StandardCharsets.UTF_8), "text/html");
    saved("http://h/x.html", "h/x.html", "x".getBytes(StandardCharsets.UTF_8), "text/html");

    assertEquals(1, convert(1000));

    assertEquals("<a href=\"x.html\">x</a><p>" + "y".repeat(100) + "</p>" + tail,
        Files.readString(out.resolve("h/index.html")));
  }

  /** The page with every link value and base tag taken out: what -k must leave alone. */
  private static String withoutLinks(String html) {
    return html.replaceAll("(?i)<base[^>]*>", "")
        .replaceAll("(?i)(href|src|srcset)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)", "$1=")
        .replaceAll("(?i)url\\([^)]*\\)", "url()");
  }

  @Test
  void changesOnlyTheLinkValuesAndRemovesTheBase() throws Exception {
    String page = """
        <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN">
        <HTML>
        <!-- a comment keeps its <a href="list?p=2"> -->
          <HEAD><BASE HREF="http://h/a/"><TITLE>T</TITLE>
          <STYLE>body { background: url( 'http://h/a/img/bg.png' ) }</STYLE></HEAD>
        <BODY   class=x>
           <A HREF=list?p=2>p</A> <a href='http://h/a/page.html#top' >p</a>
           <img src="img/bg.png" srcset="img/bg.png 1x,http://h/a/img/bg.png 2x">
           <a href="notsaved.html">n</a> <a href="http://elsewhere/x">x</a> <a href="#local">here</a>
           <div style="background:url(http://h/a/img/bg.png)"></div>
           <script>var s = "<a href=\\"list?p=2\\">";</script>
        </BODY></HTML>
        """;
    saved("http://h/a/index.html", "h/a/index.html", page.getBytes(StandardCharsets.UTF_8));
    saved("http://h/a/page.html", "h/a/page.html", new byte[0]);
    saved("http://h/a/list?p=2", "h/a/list@p=2.html", new byte[0]);
    saved("http://h/a/img/bg.png", "h/a/img/bg.png", new byte[0]);

    assertEquals(1, convert());
    String converted = Files.readString(out.resolve("h/a/index.html"));
    assertEquals(withoutLinks(page), withoutLinks(converted));
    assertTrue(converted.contains("<A HREF=list@p=2.html>p</A>"), converted);
    assertTrue(converted.contains("<a href='page.html#top' >"), converted);
    assertTrue(converted.contains("srcset=\"img/bg.png 1x,img/bg.png 2x\""), converted);
    assertTrue(converted.contains("url( 'img/bg.png' )") && converted.contains("style=\"background:url(img/bg.png)\""),
        converted);
    assertTrue(converted.contains("href=\"http://h/a/notsaved.html\"") && converted.contains("href=\"#local\""), converted);
    assertTrue(converted.contains("<!-- a comment keeps its <a href=\"list?p=2\"> -->"), converted);
    assertTrue(converted.contains("var s = \"<a href=\\\"list?p=2\\\">\";"), converted);
    assertTrue(!converted.contains("<BASE"), converted);
  }

  @Test
  void aPageKeepsItsEncoding() throws Exception {
    Charset latin1 = StandardCharsets.ISO_8859_1;
    String page = "<meta charset=iso-8859-1><p>Caf\u00e9 cr\u00e8me</p><a href='caf\u00e9.html'>caf\u00e9</a>";
    saved("http://h/index.html", "h/index.html", page.getBytes(latin1));
    saved("http://h/caf%C3%A9.html", "h/caf\u00e9-page.html", new byte[0]);

    assertEquals(1, convert());
    byte[] expected = page.replace("caf\u00e9.html", "caf%C3%A9-page.html").getBytes(latin1);
    assertArrayEquals(expected, Files.readAllBytes(out.resolve("h/index.html")));
  }

  @Test
  void aCharsetSentOnlyInTheHeaderDecidesHowLinksAreRead() throws Exception {
    Charset latin1 = StandardCharsets.ISO_8859_1;
    String page = "<p>Caf\u00e9</p><a href='caf\u00e9.html'>caf\u00e9</a>";
    saved("http://h/index.html", "h/index.html", page.getBytes(latin1), "text/html; charset=ISO-8859-1");
    saved("http://h/caf%C3%A9.html", "h/caf\u00e9-page.html", new byte[0]);

    assertEquals(1, convert());
    byte[] expected = page.replace("caf\u00e9.html", "caf%C3%A9-page.html").getBytes(latin1);
    assertArrayEquals(expected, Files.readAllBytes(out.resolve("h/index.html")));
  }

  @Test
  void rewritesTheUrlsOfAStylesheet() throws Exception {
    String css = "@import url(\"http://h/s/theme.css\");\n/* keep */ body { background: url(../img/bg.png) }\n";
    saved("http://h/s/style.css", "h/s/style.css", css.getBytes(StandardCharsets.UTF_8));
    saved("http://h/s/theme.css", "h/s/theme.css", new byte[0]);
    saved("http://h/img/bg.png", "h/img/bg.png", new byte[0]);

    assertEquals(1, convert());
    assertEquals("@import url(\"theme.css\");\n/* keep */ body { background: url(../img/bg.png) }\n",
        Files.readString(out.resolve("h/s/style.css")));
  }

  @Test
  void eachPageResolvesItsQueryOnlyLinksAndItsBaseForItself() throws Exception {
    saved("http://h/a/x.html", "h/a/x.html", "<a href='?v=1'>q</a><a href='p.html'>p</a>".getBytes(StandardCharsets.UTF_8));
    saved("http://h/a/y.html", "h/a/y.html", "<a href='?v=1'>q</a><a href='p.html'>p</a>".getBytes(StandardCharsets.UTF_8));
    saved("http://h/a/z.html", "h/a/z.html", "<base href='http://h/b/'><a href='p.html'>p</a>".getBytes(StandardCharsets.UTF_8));
    saved("http://h/a/x.html?v=1", "h/a/x@v=1.html", new byte[0]);
    saved("http://h/a/y.html?v=1", "h/a/y@v=1.html", new byte[0]);
    saved("http://h/a/p.html", "h/a/p.html", new byte[0]);
    saved("http://h/b/p.html", "h/b/p.html", new byte[0]);

    assertEquals(3, convert());
    assertEquals("<a href='x@v=1.html'>q</a><a href='p.html'>p</a>", Files.readString(out.resolve("h/a/x.html")));
    assertEquals("<a href='y@v=1.html'>q</a><a href='p.html'>p</a>", Files.readString(out.resolve("h/a/y.html")));
    assertEquals("<a href='../b/p.html'>p</a>", Files.readString(out.resolve("h/a/z.html")));
  }

  @Test
  void rewritingAPageInPlaceTouchesNoOtherSavedFile() throws Exception {
    saved("http://h/index.html", "h/index.html", "<a href='http://h/b.html'>b</a>".getBytes(StandardCharsets.UTF_8));
    saved("http://h/b.html", "h/b.html", new byte[0]);
    // saved names never start with a dot; any other name may be a file of the site
    saved("http://h/index.html.convert.part", "h/index.html.convert.part", "mine".getBytes(StandardCharsets.UTF_8));

    assertEquals(1, convert());
    assertEquals("mine", Files.readString(out.resolve("h/index.html.convert.part")));
    try (var files = Files.list(out.resolve("h"))) {
      assertEquals(3, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void relativeUrlsClimbOnlyAsFarAsTheFilesDiffer() {
    assertEquals("b.html", LinkConverter.relativeUrl("h/a/x.html", "h/a/b.html"));
    assertEquals("../../s/c%20d.css", LinkConverter.relativeUrl("h/a/b/x.html", "h/s/c d.css"));
    assertEquals("./a:b.html", LinkConverter.relativeUrl("h/x.html", "h/a:b.html"));
    assertEquals("%3F%23.html", LinkConverter.relativeUrl("h/x.html", "h/?#.html"));
  }
}
