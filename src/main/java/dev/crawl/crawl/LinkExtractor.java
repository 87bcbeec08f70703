package dev.crawl.crawl;

import dev.crawl.input.UrlParser;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the links in a saved HTML page with jsoup: {@code a[href]}, and with page requisites also
 * images (src and srcset), stylesheets, icons, manifests and preloads, scripts, frames, media
 * sources, tracks and posters, embedded objects and image buttons. Links are resolved
 * against the page's final URL, or its {@code <base href>}; scripts, mail, data and fragment-only
 * links are dropped; what remains is normalised, so one page has one spelling.
 */
public final class LinkExtractor {

  /** The links of one page and its title. */
  public record Page(String title, List<String> links) {
    public static final Page NONE = new Page(null, List.of());
  }

  private static final java.util.regex.Pattern HTML_NAME = java.util.regex.Pattern.compile("(?i).*\\.x?html?$");

  /** Whether a saved file is a page to search for links: by its Content-Type, else by its name. */
  public static boolean isHtml(String contentType, String path) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    return type.contains("html") || (type.isEmpty() && HTML_NAME.matcher(path).matches());
  }

  private final boolean requisites;

  public LinkExtractor(boolean requisites) {
    this.requisites = requisites;
  }

  public Page extract(Path html, URI finalUrl) throws IOException {
    Document doc = Jsoup.parse(html.toFile(), null, finalUrl.toString());
    Set<String> found = new LinkedHashSet<>();
    for (Element a : doc.select("a[href], area[href]")) {
      add(found, a.absUrl("href"));
    }
    if (requisites) {
      // what a browser loads to show the page: frames included, they are part of its layout
      for (Element e : doc.select("img[src], script[src], source[src], video[src], audio[src], track[src], embed[src],"
          + " iframe[src], frame[src], input[type=image][src]")) {
        add(found, e.absUrl("src"));
      }
      for (Element e : doc.select("video[poster]")) {
        add(found, e.absUrl("poster"));
      }
      for (Element e : doc.select("object[data]")) {
        add(found, e.absUrl("data"));
      }
      for (Element link : doc.select("link[href]")) {
        String rel = link.attr("rel").toLowerCase(Locale.ROOT);
        if (rel.contains("stylesheet") || rel.contains("icon") || rel.contains("preload") || rel.contains("manifest")) {
          add(found, link.absUrl("href"));
        }
      }
      for (Element e : doc.select("img[srcset], source[srcset]")) {
        for (String candidate : e.attr("srcset").split(",")) {
          String ref = candidate.strip().split("\\s+")[0];
          if (!ref.isEmpty()) {
            add(found, resolve(doc, ref));
          }
        }
      }
    }
    return new Page(doc.title().isBlank() ? null : doc.title().strip(), new ArrayList<>(found));
  }

  private static String resolve(Document doc, String ref) {
    try {
      return URI.create(doc.location()).resolve(ref.replace(" ", "%20")).toString();
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** Keeps http(s) links only; jsoup gives "" for what it cannot resolve (javascript:, mailto:). */
  private static void add(Set<String> found, String absolute) {
    if (absolute == null || absolute.isEmpty()) {
      return;
    }
    UrlParser.Parsed parsed = UrlParser.parse(absolute);
    if (parsed.url() != null) {
      found.add(parsed.url().toString());
    }
  }
}
