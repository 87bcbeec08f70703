package dev.crawl.core;

/** The longest URL a crawl follows, from a link or a redirect: shared by the fetcher and the crawl rules. */
public final class UrlBound {
  private UrlBound() {}

  /**
   * Heritrix's and Internet Explorer's 2,083 characters. Longer ones are almost always a crawler
   * trap growing a URL step by step, or a server sending one to exhaust memory.
   */
  public static final int DEFAULT = 2083;
}
