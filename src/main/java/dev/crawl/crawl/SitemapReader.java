package dev.crawl.crawl;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one sitemap as it streams in (sitemaps.org: a {@code urlset}, a {@code sitemapindex}, or
 * plain text with a URL a line; any of them gzipped) and hands on each {@code <loc>} as it is read,
 * so that a 50,000-URL sitemap never sits in memory. crawler-commons' SiteMapParser would want the
 * whole body as a byte array and build every URL into a collection first. DTDs and external
 * entities are off: a sitemap is someone else's XML.
 */
public final class SitemapReader {
  /** What a sitemap lists. */
  public interface Listing {
    /** A page to crawl. */
    void page(String url);

    /** Another sitemap (from a sitemap index). */
    void sitemap(String url);
  }

  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XML.setProperty(XMLInputFactory.IS_COALESCING, true);
  }

  private SitemapReader() {}

  /** Reads {@code body} to its end, or until {@code listing} throws. */
  public static void read(InputStream body, Listing listing) throws IOException {
    read(body, listing, Long.MAX_VALUE);
  }

  /**
   * Reads {@code body} to its end, to {@code maxDecoded} bytes of it once un-gzipped, or until
   * {@code listing} throws.
   *
   * @return whether the body went on past {@code maxDecoded}
   * @throws IOException when it cannot be read or is neither XML nor text, with a line for the report
   */
  static boolean read(InputStream body, Listing listing, long maxDecoded) throws IOException {
    BufferedInputStream in = new BufferedInputStream(body, 64 * 1024);
    in.mark(2);
    boolean gzipped = in.read() == 0x1f && in.read() == 0x8b;
    in.reset();
    CappedStream capped = new CappedStream(gzipped ? new GZIPInputStream(in, 64 * 1024) : in, maxDecoded);
    InputStream plain = new BufferedInputStream(capped, 64 * 1024);
    plain.mark(1024);
    byte[] head = plain.readNBytes(1024);
    plain.reset();
    try {
      if (new String(head, StandardCharsets.UTF_8).stripLeading().replace("\uFEFF", "").startsWith("<")) {
        readXml(plain, listing);
      } else {
        readText(plain, listing);
      }
    } catch (IOException e) {
      if (!capped.reached()) {
        throw e;
      }
      // XML cut at the cap does not parse to its end: what was listed before the cut stands
    }
    return capped.reached();
  }

  private static void readXml(InputStream in, Listing listing) throws IOException {
    try {
      XMLStreamReader xml = XML.createXMLStreamReader(in);
      try {
        boolean index = false;
        boolean root = true;
        while (xml.hasNext()) {
          if (xml.next() != XMLStreamConstants.START_ELEMENT) {
            continue;
          }
          String name = xml.getLocalName();
          if (root) {
            index = name.equals("sitemapindex");
            root = false;
          } else if (name.equals("loc")) {
            String loc = xml.getElementText().strip();
            if (!loc.isEmpty()) {
              if (index) {
                listing.sitemap(loc);
              } else {
                listing.page(loc);
              }
            }
          }
        }
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      throw new IOException("not a readable sitemap: " + e.getMessage(), e);
    }
  }

  private static void readText(InputStream in, Listing listing) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line; (line = lines.readLine()) != null; ) {
      String url = line.strip();
      if (!url.isEmpty()) {
        listing.page(url);
      }
    }
  }
}
