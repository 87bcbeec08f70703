package dev.crawl.fetch;

import java.net.URI;

/**
 * Decides whether a download may follow a redirect; a crawl keeps discovered links in scope with
 * it, so that a link in scope cannot lead out of it by redirecting.
 */
@FunctionalInterface
public interface RedirectGate {
  RedirectGate ANY = (depth, target) -> null;

  /**
   * @param depth the task's crawl depth: 0 for a listed URL
   * @return why the redirect is not followed, or null to follow it
   */
  String refuse(int depth, URI target);
}
