package dev.crawl.fetch;

import java.net.URI;

/** Where to look up the copy an earlier run kept of a URL ({@code -N}). */
@FunctionalInterface
public interface KeptCopies {
  /** No earlier run is asked about: every body is fetched outright. */
  KeptCopies NONE = url -> null;

  /** The kept copy of {@code url} to ask about, or null to fetch it outright. */
  KeptCopy of(URI url);
}
