package dev.crawl.crawl;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Where what a crawl fetches for itself (robots.txt, sitemaps) is archived with {@code --warc}, so
 * that an archive of a crawl shows why a page was or was not fetched.
 */
public interface SideArchive {
  /** No archive: the body is read as it is. */
  SideArchive NONE = (request, response, body) -> body;

  /**
   * The body to read in place of {@code body}: what is read of it is archived, as one exchange,
   * once it is closed (marked cut when it was closed before its end).
   */
  InputStream tee(HttpRequest request, HttpResponse<?> response, InputStream body);
}
