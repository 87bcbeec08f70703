package dev.crawl.cli;

import dev.crawl.core.UrlBound;
import dev.crawl.crawl.CrawlBounds;
import picocli.CommandLine.Option;

/** How much of a page a crawl reads, and which links it takes for traps: each bound a flag. */
final class BoundsOptions {
  private static final CrawlBounds D = CrawlBounds.DEFAULTS;

  @Option(
      names = "--max-parse",
      paramLabel = "SIZE",
      converter = Converters.SizeConverter.class,
      description = "Crawl: read links from at most the first SIZE of a page; the page is saved whole (default: 16M).")
  long maxParse = D.maxParse();

  @Option(
      names = "--max-url-length",
      paramLabel = "N",
      description = "Follow no link or redirect to a URL longer than N characters, a crawler trap's mark"
          + " (default: ${DEFAULT-VALUE}).")
  int maxUrlLength = UrlBound.DEFAULT;

  @Option(
      names = "--max-path-segments",
      paramLabel = "N",
      description = "Crawl: follow no link whose path is deeper than N segments (default: ${DEFAULT-VALUE}).")
  int maxPathSegments = D.maxPathSegments();

  @Option(
      names = "--max-segment-repeats",
      paramLabel = "N",
      description = "Crawl: follow no link whose path repeats a segment more than N times in a row, as /a/a/a"
          + " (default: ${DEFAULT-VALUE}).")
  int maxSegmentRepeats = D.maxSegmentRepeats();

  @Option(
      names = "--max-page-links",
      paramLabel = "N",
      description = "Crawl: take at most N links from one page (default: ${DEFAULT-VALUE}).")
  int maxPageLinks = D.maxPageLinks();

  CrawlBounds bounds() {
    try {
      return new CrawlBounds(maxParse, maxUrlLength, maxPathSegments, maxSegmentRepeats, maxPageLinks);
    } catch (IllegalArgumentException e) {
      throw new ExitException(ExitException.USAGE, "--max-parse, --max-url-length, --max-path-segments,"
          + " --max-segment-repeats and --max-page-links must be positive");
    }
  }
}
