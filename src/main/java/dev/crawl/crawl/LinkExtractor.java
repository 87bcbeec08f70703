package dev.crawl.crawl;

import dev.crawl.core.Discovered;
import dev.crawl.crawl.HtmlScanner.Kind;
import dev.crawl.crawl.HtmlScanner.Ref;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds where a saved page leads: {@code a}/{@code area} links, and with page requisites what a
 * browser loads to show it (images and srcset, stylesheets and their {@code url()}s and
 * {@code @import}s, scripts, icons, manifests and preloads, frames, media, tracks, posters, objects,
 * image buttons, refresh targets). Stylesheets are searched too when requisites are asked for.
 * Links are resolved against the page's final URL or its {@code <base href>}; scripts, mail, data
 * and other schemes are dropped; what remains is normalised, so one page has one spelling.
 */
public final class LinkExtractor {
  private static final java.util.regex.Pattern HTML_NAME = java.util.regex.Pattern.compile("(?i).*\\.x?html?$");

  /** Whether a saved file is a page to search for links: by its Content-Type, else by its name. */
  public static boolean isHtml(String contentType, String path) {
    String type = type(contentType);
    return type.contains("html") || (type.isEmpty() && HTML_NAME.matcher(path).matches());
  }

  /** Whether a saved file is a stylesheet: by its Content-Type, else by its name. */
  public static boolean isCss(String contentType, String path) {
    String type = type(contentType);
    return type.startsWith("text/css") || (type.isEmpty() && path.toLowerCase(Locale.ROOT).endsWith(".css"));
  }

  /** The media type, or "" when the server did not say what the file is (no type, or only "bytes"). */
  private static String type(String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).strip();
    return type.startsWith("application/octet-stream") || type.startsWith("binary/octet-stream") ? "" : type;
  }

  private final boolean requisites;
  private final long maxParse;

  /** @param maxParse the most bytes of a page read for links */
  public LinkExtractor(boolean requisites, long maxParse) {
    this.requisites = requisites;
    this.maxParse = maxParse;
  }

  /** Whether a saved file is read for links: a page, or with requisites a stylesheet too. */
  public boolean reads(String contentType, String path) {
    return isHtml(contentType, path) || (requisites && isCss(contentType, path));
  }

  /**
   * @param contentType the response's Content-Type, or null
   * @param path the saved file's name, which decides what it is when there is no Content-Type
   */
  public Discovered extract(Path file, String path, URI finalUrl, String contentType) throws IOException {
    if (!reads(contentType, path)) {
      return Discovered.NONE;
    }
    ReadPage page = ReadPage.of(file, contentType, finalUrl, isHtml(contentType, path), maxParse);
    if (page == null) {
      return Discovered.NONE;
    }
    Set<String> links = new LinkedHashSet<>();
    Set<String> loads = new LinkedHashSet<>();
    for (Ref r : page.refs()) {
      if (r.kind() == Kind.OTHER || (r.kind() == Kind.REQUISITE && !requisites)) {
        continue;
      }
      String url = page.resolver().resolve(page.value(r));
      if (url != null) {
        (r.kind() == Kind.LINK ? links : loads).add(url);
      }
    }
    links.removeAll(loads); // what a page loads is a requisite, however else it is linked
    return new Discovered(page.title(), List.copyOf(links), List.copyOf(loads), page.note());
  }
}
