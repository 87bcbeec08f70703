package dev.crawl.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A generated documentation site to measure recursive crawls on, modelled on real API docs and
 * online books: {@value #SECTIONS} sections of {@value #PAGES_PER_SECTION} pages under
 * {@code /docs/}, 20 KB to 1 MB each (median about 50 KB), a sidebar and cross-references giving
 * 100 to 1,000 links per page (many with fragments, many repeated), a {@code toc.html} loaded in an
 * iframe, and a shared {@code /static/} directory outside the page tree whose CSS pulls fonts and
 * images through {@code url()} and {@code @import}. A few pages link to pages that do not exist
 * (404), and every page carries an inline script with JSON whose escaped quotes look like paths:
 * an extractor must not take them for links. Deterministic: the same path always gives the same
 * bytes. Generated on request, so the site costs nothing until it is crawled.
 */
public final class DocsSite {
  static final int SECTIONS = 40;
  static final int PAGES_PER_SECTION = 60;

  private final int sections;
  private final int perSection;

  /** The full site, {@value #SECTIONS} × {@value #PAGES_PER_SECTION} pages: what benchmarks mirror. */
  public DocsSite() {
    this(SECTIONS, PAGES_PER_SECTION);
  }

  /** A site of the same shape with fewer pages, for tests that mirror it in every mode. */
  public DocsSite(int sections, int pagesPerSection) {
    this.sections = sections;
    this.perSection = pagesPerSection;
  }
  /** A site of the same shape with at least {@code pages} pages (whole sections of {@value #PAGES_PER_SECTION}). */
  public static DocsSite withPages(int pages) {
    return new DocsSite(Math.max(1, (pages + PAGES_PER_SECTION - 1) / PAGES_PER_SECTION), PAGES_PER_SECTION);
  }

  /** Every this many pages, one links to a page that does not exist. */
  static final int BROKEN_LINK_EVERY = 97;

  /** The start page of a mirror. */
  public static final String START = "/docs/index.html";

  private static final String[] STATIC_TEXT = {
    "/static/css/style.css", "/static/css/theme.css", "/static/js/search.js", "/static/img/icons.svg",
  };
  private static final String[] STATIC_BINARY = {
    "/static/fonts/text.woff2", "/static/fonts/code.woff2", "/static/img/bg.png",
    "/static/img/logo-1x.png", "/static/img/logo-2x.png", "/static/favicon.ico",
  };
  private static final String[] WORDS = {
    "request", "response", "stream", "buffer", "handler", "client", "server", "frame", "header",
    "value", "option", "default", "returns", "throws", "the", "a", "of", "to", "when", "is",
  };

  /** Number of pages under /docs/ (the index and the toc included). */
  public int pages() {
    return sections * perSection + 2;
  }

  /** The body for a path of the site, or null when the site has no such file. */
  public byte[] body(String path) {
    if (path.equals(START)) {
      return index().getBytes(StandardCharsets.UTF_8);
    }
    if (path.equals("/docs/toc.html")) {
      return toc().getBytes(StandardCharsets.UTF_8);
    }
    int page = pageOf(path);
    if (page >= 0) {
      return page(page).getBytes(StandardCharsets.UTF_8);
    }
    for (String p : STATIC_TEXT) {
      if (p.equals(path)) {
        return staticText(path).getBytes(StandardCharsets.UTF_8);
      }
    }
    for (int i = 0; i < STATIC_BINARY.length; i++) {
      if (STATIC_BINARY[i].equals(path)) {
        return binary(i, 2_000 + (int) Math.floorMod(SiteContent.mix(i + 7_000), 30_000));
      }
    }
    return null;
  }

  /** Every path of the site, pages first. */
  public List<String> paths() {
    List<String> all = new ArrayList<>(List.of(START, "/docs/toc.html"));
    for (int n = 0; n < sections * perSection; n++) {
      all.add(pagePath(n));
    }
    all.addAll(List.of(STATIC_TEXT));
    all.addAll(List.of(STATIC_BINARY));
    return all;
  }

  /** Writes every file under {@code dir} at its URL path, for another server (nginx); returns the pages written. */
  public int export(Path dir) throws IOException {
    for (String path : paths()) {
      Path file = dir.resolve(path.substring(1));
      Files.createDirectories(file.getParent());
      Files.write(file, body(path));
    }
    return pages();
  }

  /** The content type to serve a path of this site with. */
  public static String contentType(String path) {
    String ext = path.substring(path.lastIndexOf('.') + 1);
    return switch (ext) {
      case "html" -> "text/html; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "js" -> "text/javascript; charset=utf-8";
      case "svg" -> "image/svg+xml";
      case "png" -> "image/png";
      case "woff2" -> "font/woff2";
      case "ico" -> "image/x-icon";
      default -> "application/octet-stream";
    };
  }

  String pagePath(int n) {
    return "/docs/s" + n / perSection + "/p" + n % perSection + ".html";
  }

  /** The page number of a path like /docs/s3/p17.html, or -1. */
  int pageOf(String path) {
    if (!path.startsWith("/docs/s") || !path.endsWith(".html")) {
      return -1;
    }
    int slash = path.indexOf("/p", 7);
    if (slash < 0) {
      return -1;
    }
    try {
      int section = Integer.parseInt(path.substring(7, slash));
      int page = Integer.parseInt(path.substring(slash + 2, path.length() - 5));
      boolean canonical = path.equals("/docs/s" + section + "/p" + page + ".html");
      return canonical && section >= 0 && section < sections && page >= 0 && page < perSection
          ? section * perSection + page : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Target size of page n's HTML: 60 % of 20–60 KB, 35 % of 60–150 KB, 5 % of 150 KB–1 MB. */
  static int size(int n) {
    long h = SiteContent.mix(n);
    int bucket = (int) Math.floorMod(h, 100);
    long spread = Math.floorMod(h >>> 8, 1 << 20);
    if (bucket < 60) {
      return 20_000 + (int) (spread * 40_000 >> 20);
    }
    if (bucket < 95) {
      return 60_000 + (int) (spread * 90_000 >> 20);
    }
    return 150_000 + (int) (spread * 850_000 >> 20);
  }

  private String page(int n) {
    int section = n / perSection;
    int target = size(n);
    StringBuilder b = new StringBuilder(target + 4_096);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n")
        .append("  <title>Section ").append(section).append(", page ").append(n % perSection)
        .append("</title>\n")
        .append("  <link rel=\"stylesheet\" href=\"../../static/css/style.css\">\n")
        .append("  <link rel=\"icon\" href=\"../../static/favicon.ico\">\n")
        .append("  <script src=\"../../static/js/search.js\" defer></script>\n")
        // JSON as generators inline it: escaped quotes around strings that look like paths
        .append("  <script>var PAGE = JSON.parse(\"{\\\"path\\\":\\\"s").append(section).append("/p")
        .append(n % perSection).append(".html\\\",\\\"next\\\":\\\"not/a/link.html\\\"}\");</script>\n")
        .append("</head>\n<body>\n")
        .append("<iframe class=\"toc\" src=\"../toc.html\" title=\"contents\"></iframe>\n")
        .append("<header><img src=\"../../static/img/logo-1x.png\" ")
        .append("srcset=\"../../static/img/logo-1x.png 1x, ../../static/img/logo-2x.png 2x\" alt=\"logo\">")
        .append("<a href=\"../index.html\">Home</a></header>\n<nav class=\"sidebar\"><ul>\n");
    // the section's pages, as a generated sidebar lists them on every page
    for (int p = 0; p < perSection; p++) {
      b.append("  <li><a href=\"p").append(p).append(".html\">Page ").append(p).append("</a></li>\n");
    }
    for (int s = 0; s < sections; s++) {
      b.append("  <li><a href=\"../s").append(s).append("/p0.html\">Section ").append(s).append("</a></li>\n");
    }
    b.append("</ul></nav>\n<main>\n");
    if (n % BROKEN_LINK_EVERY == 0) {
      b.append("<p>See also <a href=\"missing-").append(n).append(".html\">a page that was removed</a>.</p>\n");
    }
    // prose with cross-references, with fragments and repeats, until the page has its size
    SplittableRandom random = new SplittableRandom(SiteContent.mix(n + 1_000_000));
    int links = perSection + sections + 1;
    int paragraph = 0;
    while (b.length() < target - 40) {
      b.append("<h2 id=\"h").append(paragraph).append("\">Part ").append(paragraph).append("</h2>\n<p>");
      for (int w = 0; w < 60; w++) {
        b.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        if (w % 12 == 5 && links < 1_000) {
          b.append("<a href=\"").append(relative(section, random.nextInt(sections * perSection)));
          if (w % 24 == 5) {
            b.append("#h").append(random.nextInt(8));
          }
          b.append("\"><code>").append(WORDS[random.nextInt(WORDS.length)]).append("</code></a> ");
          links++;
        }
      }
      b.append("</p>\n");
      paragraph++;
    }
    return b.append("</main>\n</body>\n</html>\n").toString();
  }

  /** The href from a page of {@code section} to page {@code other}: same directory or a sibling. */
  private String relative(int section, int other) {
    int s = other / perSection;
    String file = "p" + other % perSection + ".html";
    return s == section ? file : "../s" + s + "/" + file;
  }

  private String index() {
    StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Documentation</title>\n<link rel=\"stylesheet\" href=\"../static/css/style.css\">\n")
        .append("</head>\n<body>\n<iframe class=\"toc\" src=\"toc.html\" title=\"contents\"></iframe>\n<ul>\n");
    for (int s = 0; s < sections; s++) {
      b.append("<li><a href=\"s").append(s).append("/p0.html\">Section ").append(s).append("</a></li>\n");
    }
    return b.append("</ul>\n</body>\n</html>\n").toString();
  }

  /** Every page, linked from the iframe sidebar only: a crawl that skips frames misses none, but loses the sidebar. */
  private String toc() {
    StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Contents</title>\n<link rel=\"stylesheet\" href=\"../static/css/style.css\">\n")
        .append("</head>\n<body>\n<ol>\n");
    for (int n = 0; n < sections * perSection; n++) {
      b.append("<li><a target=\"_top\" href=\"").append(pagePath(n).substring("/docs/".length())).append("\">")
          .append(n).append("</a></li>\n");
    }
    return b.append("</ol>\n</body>\n</html>\n").toString();
  }

  private static String staticText(String path) {
    return switch (path) {
      case "/static/css/style.css" -> """
          @import url("theme.css");
          @font-face { font-family: Text; src: url(../fonts/text.woff2) format("woff2"); }
          @font-face { font-family: Code; src: url('../fonts/code.woff2') format("woff2"); }
          body { font-family: Text, sans-serif; background: url("../img/bg.png") repeat-x; }
          code { font-family: Code, monospace; }
          iframe.toc { float: left; width: 16em; height: 100vh; border: 0; }
          """;
      case "/static/css/theme.css" -> """
          .sidebar a::before { content: ""; background: url(../img/icons.svg#link) no-repeat; }
          header img { height: 2em; }
          """;
      case "/static/js/search.js" -> """
          // a search box would load an index; none here, but a path in a string is no link
          var INDEX = "search/index.json";
          """;
      default -> "<svg xmlns=\"http://www.w3.org/2000/svg\"><symbol id=\"link\"><path d=\"M0 0h8v8z\"/></symbol></svg>\n";
    };
  }

  private static byte[] binary(int seed, int size) {
    byte[] out = new byte[size];
    new SplittableRandom(SiteContent.mix(seed)).nextBytes(out);
    return out;
  }
}
