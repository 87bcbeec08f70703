package dev.crawl.fetch.cookie;

import crawlercommons.domains.EffectiveTldFinder;

/**
 * The public suffix list (crawler-commons ships it), private suffixes such as {@code github.io}
 * included: names under which anyone may register a site, so that a cookie set for one would reach
 * every site under it. Loaded on the first cookie that names a domain: reading the list takes about
 * half a second, which a run without such a cookie never pays.
 */
final class PublicSuffixes {
  private PublicSuffixes() {}

  /** Whether {@code domain} (lower case, no leading dot) is itself a public suffix: {@code co.uk}, not {@code bbc.co.uk}. */
  static boolean is(String domain) {
    EffectiveTldFinder.EffectiveTLD suffix = EffectiveTldFinder.getEffectiveTLD(domain, false);
    return suffix != null && suffix.getDomain().equals(domain);
  }
}
