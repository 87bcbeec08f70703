package dev.crawl.frontier;

import dev.crawl.core.Task;
import dev.crawl.crawl.Scope;
import java.net.URI;

/**
 * Which of a saved page's links a crawl follows: within the depth limit (what a page needs to show,
 * a requisite, beyond it too, as in GNU wget) and within the crawl's scope. Duplicates are the
 * frontier's own business: a local seen-set or the fleet's.
 */
record LinkRules(Scope scope, int maxDepth) {

  /** Why a link is not followed. */
  enum Refused { TOO_DEEP, OUT_OF_SCOPE }

  /** Why this link is not followed, or null to follow it. */
  Refused refuse(URI url, Task from, boolean requisite) {
    if (from.depth() >= maxDepth && !requisite) {
      return Refused.TOO_DEEP;
    }
    String why = requisite ? scope.rejectRequisite(url) : scope.reject(url);
    return why != null ? Refused.OUT_OF_SCOPE : null;
  }

  /** The task a followed link becomes. */
  static Task task(long id, URI url, Task from, long now) {
    return new Task(id, url, "link from " + from.url(), now, from.depth() + 1, from.url());
  }
}
