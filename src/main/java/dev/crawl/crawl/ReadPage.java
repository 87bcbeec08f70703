package dev.crawl.crawl;

import dev.crawl.core.Sizes;
import dev.crawl.crawl.HtmlScanner.Ref;
import dev.crawl.crawl.HtmlScanner.Syntax;
import dev.crawl.input.UrlParser;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.parser.Parser;

/**
 * A saved page or stylesheet, scanned: its text, where its link values sit, and the resolver for
 * them (against its {@code <base href>} when it has one). What {@link LinkExtractor} follows and
 * {@link LinkConverter} rewrites is read the same way.
 *
 * @param scan the HTML scan, or null for a stylesheet
 */
record ReadPage(PageText page, HtmlScanner.Scan scan, List<Ref> refs, LinkResolver resolver) {

  /**
   * @param limit the most bytes of the page read
   * @return null when the page's URL is not one we can resolve against
   */
  static ReadPage of(Path file, String contentType, URI pageUrl, boolean html, long limit) throws IOException {
    URI base = UrlParser.parse(pageUrl.toString()).url();
    if (base == null) {
      return null;
    }
    PageText page = PageText.read(file, contentType, limit);
    if (!html) {
      List<Ref> refs = new ArrayList<>();
      CssScanner.scan(page.text(), 0, page.text().length(), Syntax.CSS, refs);
      return new ReadPage(page, null, refs, new LinkResolver(base));
    }
    HtmlScanner.Scan scan = HtmlScanner.scan(page.text());
    LinkResolver resolver = new LinkResolver(base);
    if (scan.base() != null) {
      String b = resolver.resolve(value(page, scan.base()));
      resolver = b == null ? resolver : new LinkResolver(URI.create(b));
    }
    return new ReadPage(page, scan, scan.refs(), resolver);
  }

  /** The value a reference stands for: decoded with the page's charset, entities too in attributes. */
  String value(Ref r) {
    return value(page, r);
  }

  private static String value(PageText page, Ref r) {
    String v = page.decode(r.start(), r.end());
    return r.syntax() == Syntax.ATTRIBUTE && v.indexOf('&') >= 0 ? Parser.unescapeEntities(v, true) : v;
  }

  /** Why the page's links may be incomplete, or null when it was read whole. */
  String note() {
    return page.cut()
        ? "links read from the first " + Sizes.human(page.limit()) + " of " + Sizes.human(page.size()) + " (--max-parse)"
        : null;
  }

  /** The title as a browser shows it, or null. */
  String title() {
    if (scan == null || scan.titleStart() < 0) {
      return null;
    }
    String t = Parser.unescapeEntities(page.decode(scan.titleStart(), scan.titleEnd()), false);
    t = t.strip().replaceAll("\\s+", " ");
    return t.isEmpty() ? null : t;
  }
}
