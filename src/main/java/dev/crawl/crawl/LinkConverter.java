package dev.crawl.crawl;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawl.input.UrlParser;
import dev.crawl.report.UrlRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@code --convert-links}: after a crawl, rewrites the links of every saved HTML page to relative
 * paths of the files saved for them, so the output directory browses offline; links to anything
 * not downloaded become absolute, so they still work. Keeps one map of saved URLs, which grows with
 * the pages of the crawl.
 */
public final class LinkConverter {
  private static final String[][] ATTRIBUTES = {
    {"a[href], area[href], link[href]", "href"},
    {"img[src], script[src], source[src], video[src], audio[src], embed[src], iframe[src]", "src"}
  };

  private final Path outputDir;
  private final Map<String, String> savedPaths = new HashMap<>();
  private final List<UrlRecord> pages = new ArrayList<>();

  private LinkConverter(Path outputDir) {
    this.outputDir = outputDir;
  }

  /** Converts every saved HTML page listed in {@code results}; returns how many were rewritten. */
  public static int convertAll(Path outputDir, Path results) throws IOException {
    LinkConverter c = new LinkConverter(outputDir);
    c.read(results);
    int converted = 0;
    for (UrlRecord page : c.pages) {
      if (c.convert(page)) {
        converted++;
      }
    }
    return converted;
  }

  private void read(Path results) throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        UrlRecord r = json.readValue(line, UrlRecord.class);
        if (!"saved".equals(r.outcome()) || r.path() == null) {
          continue;
        }
        savedPaths.put(r.url(), r.path());
        if (r.finalUrl() != null) {
          URI fin = UrlParser.parse(r.finalUrl()).url();
          if (fin != null) {
            savedPaths.putIfAbsent(fin.toString(), r.path());
          }
        }
        if (r.title() != null || LinkExtractor.isHtml(null, r.path())) {
          pages.add(r);
        }
      }
    }
  }

  private boolean convert(UrlRecord page) throws IOException {
    Path file = outputDir.resolve(page.path());
    String base = page.finalUrl() != null ? page.finalUrl() : page.url();
    Document doc = Jsoup.parse(file.toFile(), null, base);
    boolean changed = !doc.select("base[href]").isEmpty();
    doc.select("base[href]").remove();
    for (String[] pair : ATTRIBUTES) {
      for (Element e : doc.select(pair[0])) {
        changed |= rewrite(e, pair[1], file);
      }
    }
    for (Element e : doc.select("img[srcset], source[srcset]")) {
      List<String> parts = new ArrayList<>();
      for (String candidate : e.attr("srcset").split(",")) {
        String[] bits = candidate.strip().split("\\s+", 2);
        String abs = absolute(doc, bits[0]);
        String target = abs == null ? bits[0] : link(abs, file);
        parts.add(bits.length > 1 ? target + " " + bits[1] : target);
      }
      e.attr("srcset", String.join(", ", parts));
      changed = true;
    }
    if (!changed) {
      return false;
    }
    Path temp = file.resolveSibling("." + file.getFileName() + ".convert.part");
    Files.writeString(temp, doc.outerHtml(), doc.charset());
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return true;
  }

  private boolean rewrite(Element e, String attribute, Path file) {
    String abs = e.absUrl(attribute);
    if (abs.isEmpty() || !(abs.startsWith("http://") || abs.startsWith("https://"))) {
      return false; // javascript:, mailto:, data: and fragments stay as they are
    }
    String target = link(abs, file);
    if (target.equals(e.attr(attribute))) {
      return false;
    }
    e.attr(attribute, target);
    return true;
  }

  /** A relative link to the saved file for {@code absoluteUrl}, or the absolute URL itself. */
  private String link(String absoluteUrl, Path fromFile) {
    URI url = UrlParser.parse(absoluteUrl).url();
    String fragment = absoluteUrl.contains("#") ? absoluteUrl.substring(absoluteUrl.indexOf('#')) : "";
    String saved = url == null ? null : savedPaths.get(url.toString());
    if (saved == null) {
      return absoluteUrl;
    }
    Path rel = fromFile.getParent().relativize(outputDir.resolve(saved));
    try {
      return new URI(null, null, rel.toString().replace('\\', '/'), null).getRawPath() + fragment;
    } catch (URISyntaxException e) {
      return absoluteUrl;
    }
  }

  private static String absolute(Document doc, String ref) {
    try {
      String abs = URI.create(doc.location()).resolve(ref.replace(" ", "%20")).toString();
      return abs.startsWith("http") ? abs : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
