package dev.crawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.crawl.core.Discovered;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkExtractorTest {
  @TempDir Path tmp;

  private Discovered extract(String html, String url, boolean requisites) throws Exception {
    Path file = Files.writeString(tmp.resolve("page.html"), html);
    return new LinkExtractor(requisites, CrawlBounds.DEFAULT_MAX_PARSE).extract(file, "page.html", URI.create(url), "text/html");
  }

  /** Everything a crawl would fetch from the page: links and requisites. */
  private java.util.Set<String> all(String html, String url) throws Exception {
    Discovered d = extract(html, url, true);
    java.util.Set<String> all = new java.util.HashSet<>(d.links());
    all.addAll(d.requisites());
    return all;
  }

  @Test
  void resolvesLinksAgainstTheFinalUrlAndNormalisesThem() throws Exception {
    Discovered p = extract("<title> Home </title><a href='b.html'>b</a><a href='/c/../d#top'>d</a>"
        + "<a href='HTTP://H:80/e'>e</a><a href='b.html#again'>b</a>", "http://h/dir/index.html", false);

    assertEquals("Home", p.title());
    assertEquals(List.of("http://h/dir/b.html", "http://h/d", "http://h/e"), p.links());
  }

  @Test
  void honoursBaseHref() throws Exception {
    Discovered p = extract("<base href='http://other/base/'><a href='x'>x</a>", "http://h/page", false);
    assertEquals(List.of("http://other/base/x"), p.links());
  }

  @Test
  void ignoresScriptMailDataAndFragmentOnlyLinks() throws Exception {
    Discovered p = extract("<a href='javascript:go()'>j</a><a href='mailto:a@b'>m</a>"
        + "<a href='data:text/plain,hi'>d</a><a href='#section'>f</a><a href='ftp://h/f'>f</a>", "http://h/p", false);
    assertEquals(List.of("http://h/p"), p.links(), "a fragment-only link points at the page itself");
  }

  @Test
  void findsPageRequisitesOnlyWhenAskedTo() throws Exception {
    String html = "<link rel=stylesheet href=s.css><link rel=icon href=/fav.ico><script src=app.js></script>"
        + "<img src=a.png srcset='b.png 2x, c.png 640w'><video><source src=v.mp4></video><a href=n.html>n</a>";

    assertEquals(List.of("http://h/n.html"), extract(html, "http://h/", false).links());
    assertEquals(
        java.util.Set.of("http://h/n.html", "http://h/a.png", "http://h/app.js", "http://h/v.mp4", "http://h/s.css",
            "http://h/fav.ico", "http://h/b.png", "http://h/c.png"),
        all(html, "http://h/"));
  }

  @Test
  void findsWhatABrowserLoadsForThePageWhenAskedForRequisites() throws Exception {
    String html = "<iframe src=toc.html></iframe>"
        + "<video poster=poster.jpg><track src=subs.vtt></video><object data=movie.swf></object>"
        + "<input type=image src=go.png><input type=text src=not.png>"
        + "<link rel=manifest href=app.webmanifest><link rel=modulepreload href=mod.js><link rel=next href=p2.html>";

    assertEquals(List.of(), extract(html, "http://h/", false).links());
    assertEquals(
        java.util.Set.of("http://h/toc.html", "http://h/poster.jpg", "http://h/subs.vtt",
            "http://h/movie.swf", "http://h/go.png", "http://h/app.webmanifest", "http://h/mod.js"),
        all(html, "http://h/"));
    String frames = "<html><head></head><frameset><frame src=nav.html><frame src=main.html></frameset></html>";
    assertEquals(java.util.Set.of("http://h/nav.html", "http://h/main.html"),
        all(frames, "http://h/"));
  }

  @Test
  void findsWhatStylesheetsLoadInStyleElementsAttributesAndCssFiles() throws Exception {
    String html = "<style>@import 'theme.css'; body { background: URL( \"bg.png\" ) } /* url(no.png) */</style>"
        + "<div style='background: url(div.png)'></div><p style=\"content: 'url(quoted.png)'\">";
    assertEquals(java.util.Set.of("http://h/theme.css", "http://h/bg.png", "http://h/div.png"), all(html, "http://h/"));

    Path css = Files.writeString(tmp.resolve("style.css"),
        "@import url(\"a.css\");\n@import 'b.css' screen;\n@font-face { src: url(../f/t.woff2) format('woff2') }\n"
            + "/* @import 'commented.css'; */ .x::before { content: \"url(not.png)\"; background: url(icons.svg#x) }");
    Discovered d = new LinkExtractor(true, CrawlBounds.DEFAULT_MAX_PARSE).extract(css, "style.css", URI.create("http://h/s/style.css"), "text/css");
    assertEquals(List.of("http://h/s/a.css", "http://h/s/b.css", "http://h/f/t.woff2", "http://h/s/icons.svg"),
        d.requisites());
    assertEquals(Discovered.NONE, new LinkExtractor(false, CrawlBounds.DEFAULT_MAX_PARSE).extract(css, "style.css", URI.create("http://h/s/style.css"),
        "text/css"), "stylesheets are read only for requisites");
  }

  @Test
  void followsARefreshTargetAsARequisite() throws Exception {
    String html = "<meta http-equiv='Refresh' content='0; URL=\"moved.html\"'><meta http-equiv=refresh content=5>";
    assertEquals(java.util.Set.of("http://h/moved.html"), all(html, "http://h/"));
  }

  @Test
  void skipsCommentsScriptsAndJsonThatOnlyLookLikeLinks() throws Exception {
    String html = "<!-- <a href='commented.html'> --><script>var p = JSON.parse(\"{\\\"path\\\":\\\"x.html\\\"}\");"
        + " document.write('<a href=\"written.html\">');</script><textarea><a href='typed.html'></textarea>"
        + "<A HREF=real.html>r</A><a\nhref\n=\n'spaced.html'>s</a>";
    assertEquals(List.of("http://h/real.html", "http://h/spaced.html"), extract(html, "http://h/", true).links());
  }

  @Test
  void decodesEntitiesAndThePageCharsetInLinkValues() throws Exception {
    assertEquals(List.of("http://h/list?a=1&b=2"), extract("<a href='list?a=1&amp;b=2'>l</a>", "http://h/", false).links());
    Path latin1 = tmp.resolve("latin1.html");
    Files.write(latin1, "<meta charset=iso-8859-1><a href='caf\u00e9.html'>caf\u00e9</a>".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(List.of("http://h/caf%C3%A9.html"),
        new LinkExtractor(false, CrawlBounds.DEFAULT_MAX_PARSE).extract(latin1, "latin1.html", URI.create("http://h/"), "text/html").links());
  }

  @Test
  void resolvesPlainRelativeLinksAsTheUrlParserDoes() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    String[] parts = {"a", "b.html", ".", "..", "", "%7e", "%2f", "x%20y", "q?x=1", "?y", "C", "~u", "p.html?a=%41"};
    URI base = URI.create("http://h:8080/d1/d2/page.html?q");
    for (int n = 0; n < 20_000; n++) {
      StringBuilder ref = new StringBuilder(random.nextBoolean() ? "/" : "");
      int segments = 1 + random.nextInt(5);
      for (int i = 0; i < segments; i++) {
        ref.append(i == 0 ? "" : "/").append(parts[random.nextInt(parts.length)]);
      }
      String value = ref.toString();
      if (value.isEmpty()) {
        continue; // the page itself (RFC 3986); java.net.URI says its directory (RFC 2396)
      }
      String expected;
      try {
        URI slow = dev.crawl.input.UrlParser.parse(
            value.startsWith("?") ? "http://h:8080/d1/d2/page.html" + value : base.resolve(value).toString()).url();
        expected = slow == null ? null : slow.toString();
      } catch (IllegalArgumentException e) {
        expected = null; // "//" and the like: no host
      }
      assertEquals(expected, new LinkResolver(base).resolve(value), value);
    }
  }

  @Test
  void scopeKeepsToTheStartHostsAndSaysWhy() {
    Scope scope = new Scope(List.of(URI.create("http://h/docs/index.html")), List.of("cdn.example"), true,
        List.of(), List.of(Pattern.compile("\\.zip$")));

    assertNull(scope.reject(URI.create("http://h/docs/a.html")));
    assertNull(scope.reject(URI.create("http://img.cdn.example/docs/x.png")));
    assertEquals("other host", scope.reject(URI.create("http://elsewhere/docs/a.html")));
    assertEquals("above the start path", scope.reject(URI.create("http://h/blog/a.html")));
    assertEquals("excluded", scope.reject(URI.create("http://h/docs/big.zip")));
  }
}
