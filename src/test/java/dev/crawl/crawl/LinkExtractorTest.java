package dev.crawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.crawl.frontier.Discovered;
import java.net.URI;
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
    return new LinkExtractor(requisites).extract(file, "page.html", URI.create(url), "text/html");
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
