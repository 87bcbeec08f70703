package dev.crawl.crawl;

import dev.crawl.core.UrlResult;
import dev.crawl.input.UrlParser;
import dev.crawl.store.Pending;
import dev.crawl.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code --convert-links}: after a crawl, rewrites the links of every saved page and stylesheet to
 * relative paths of the files saved for them, so the output directory browses offline; relative
 * links to anything not downloaded become absolute, so they still work. Only the link values
 * change (and {@code <base>} tags go): every other byte stays as served, in the page's encoding.
 * Keeps one map of saved URLs, which grows with the pages of the crawl.
 */
public final class LinkConverter {
  private final Store store;
  private final long maxParse;
  private final Map<String, String> savedPaths = new HashMap<>();
  private final List<UrlResult.Saved> pages = new ArrayList<>();

  private LinkConverter(Store store, long maxParse) {
    this.store = store;
    this.maxParse = maxParse;
  }

  /**
   * Converts every saved HTML page and stylesheet among {@code results}; returns how many were
   * rewritten. Of a page over {@code maxParse} bytes, the links in that prefix are converted, as
   * those were the ones followed; the rest is copied as it is.
   */
  public static int convertAll(Store store, Stream<UrlResult> results, long maxParse) throws IOException {
    LinkConverter c = new LinkConverter(store, maxParse);
    results.forEach(r -> {
      if (r instanceof UrlResult.Saved s) {
        c.add(s);
      }
    });
    // pages are independent: convert them on every core, as the crawl read them
    try {
      return (int) c.pages.parallelStream().filter(page -> {
        try {
          return c.convert(page);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).count();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private void add(UrlResult.Saved s) {
    savedPaths.put(s.url(), s.path());
    if (s.finalUrl() != null) {
      URI fin = UrlParser.parse(s.finalUrl().toString()).url();
      if (fin != null) {
        savedPaths.putIfAbsent(fin.toString(), s.path());
      }
    }
    if (s.title() != null || LinkExtractor.isHtml(s.contentType(), s.path()) || LinkExtractor.isCss(s.contentType(), s.path())) {
      pages.add(s);
    }
  }

  private boolean convert(UrlResult.Saved page) throws IOException {
    Path file = store.file(page.path());
    URI url = page.finalUrl() != null ? page.finalUrl() : page.task().url();
    boolean html = !LinkExtractor.isCss(page.contentType(), page.path());
    ReadPage read = ReadPage.of(file, page.contentType(), url, html, maxParse);
    if (read == null) {
      return false;
    }
    List<PageText.Splice> edits = new ArrayList<>();
    if (read.scan() != null) {
      for (int[] tag : read.scan().baseTags()) {
        edits.add(new PageText.Splice(tag[0], tag[1], "")); // links now point at files; a base would redirect them
      }
    }
    Map<String, String> targets = new HashMap<>(); // pages repeat their links
    for (HtmlScanner.Ref r : read.refs()) {
      String value = read.value(r);
      String target = targets.computeIfAbsent(value, v -> java.util.Objects.requireNonNullElse(
          target(v, read.resolver(), page.path()), v));
      if (!target.equals(value)) {
        edits.add(new PageText.Splice(r.start(), r.end(), escape(target, r.syntax())));
      }
    }
    if (edits.isEmpty()) {
      return false;
    }
    edits.sort(java.util.Comparator.comparingInt(PageText.Splice::start));
    List<PageText.Splice> splices = new ArrayList<>(edits.size());
    int at = 0;
    for (PageText.Splice e : edits) {
      if (e.start() >= at) { // else inside a removed base tag
        splices.add(e);
        at = e.end();
      }
    }
    Path temp = Pending.tempBeside(file);
    read.page().write(temp, splices);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return true;
  }

  /**
   * What a link value becomes: a relative path to the saved file, an absolute URL for what was not
   * saved, or null to keep it (other schemes, fragment-only links, values that do not parse).
   */
  private String target(String value, LinkResolver resolver, String fromPath) {
    String v = value.strip();
    int hash = v.indexOf('#');
    String fragment = hash < 0 ? "" : UrlParser.escapeIllegal(v.substring(hash));
    if (hash == 0) {
      return null;
    }
    String url = resolver.resolve(v);
    if (url == null) {
      return null;
    }
    String saved = savedPaths.get(url);
    if (saved == null) {
      return v.regionMatches(true, 0, "http:", 0, 5) || v.regionMatches(true, 0, "https:", 0, 6) ? null : url + fragment;
    }
    return relativeUrl(fromPath, saved) + fragment;
  }

  /**
   * The relative URL from one saved file to another, both given relative to the output directory
   * with '/' separators: "../" for each directory to leave, then the rest, percent-encoded.
   */
  static String relativeUrl(String from, String to) {
    int common = 0; // length of the shared leading directories, up to and including a '/'
    for (int i = 0; i < Math.min(from.length(), to.length()) && from.charAt(i) == to.charAt(i); i++) {
      if (from.charAt(i) == '/') {
        common = i + 1;
      }
    }
    StringBuilder b = new StringBuilder();
    for (int i = common; i < from.length(); i++) {
      if (from.charAt(i) == '/') {
        b.append("../");
      }
    }
    String rest = to.substring(common);
    int colon = rest.indexOf(':');
    if (b.isEmpty() && colon >= 0 && (rest.indexOf('/') < 0 || colon < rest.indexOf('/'))) {
      b.append("./"); // "a:b.html" would read as a URL scheme
    }
    for (byte x : rest.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return b.toString();
  }

  /** Writes a URL so that it reads back as itself where it stands: in an attribute, or in CSS. */
  private static String escape(String target, HtmlScanner.Syntax syntax) {
    return switch (syntax) {
      case ATTRIBUTE -> target.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;");
      case CSS -> target.replace("'", "%27").replace("\"", "%22").replace("(", "%28").replace(")", "%29");
    };
  }

}
