package dev.crawl.frontier;

import dev.crawl.core.Task;
import dev.crawl.crawl.Scope;
import dev.crawl.crawl.Traps;
import java.net.URI;

/**
 * Which of a saved page's links a crawl follows: within the depth limit (what a page needs to show,
 * a requisite, beyond it too, as in GNU wget), within the crawl's scope, and not a crawler trap.
 * Duplicates are the frontier's own business: a local seen-set or the fleet's.
 */
record LinkRules(Scope scope, int maxDepth, Traps traps) {

  /** Why a link is not followed. */
  enum Refused {
    TOO_DEEP, OUT_OF_SCOPE, LONG_URL, DEEP_PATH, REPEATED_SEGMENT;

    static Refused trap(Traps.Kind kind) {
      return switch (kind) {
        case LONG_URL -> LONG_URL;
        case DEEP_PATH -> DEEP_PATH;
        case REPEATED_SEGMENT -> REPEATED_SEGMENT;
      };
    }
  }

  /**
   * Why this link is not followed, or null to follow it. Traps are looked for last: a link out of
   * scope would not have been followed anyway, and the trap counts should say what the bounds saved.
   */
  Refused refuse(URI url, Task from, boolean requisite) {
    if (from.depth() >= maxDepth && !requisite) {
      return Refused.TOO_DEEP;
    }
    String why = requisite ? scope.rejectRequisite(url) : scope.reject(url);
    if (why != null) {
      return Refused.OUT_OF_SCOPE;
    }
    Traps.Kind trap = traps.of(url);
    return trap == null ? null : Refused.trap(trap);
  }

  /** The task a followed link becomes. */
  static Task task(long id, URI url, Task from, long now) {
    return new Task(id, url, "link from " + from.url(), now, from.depth() + 1, from.url());
  }
}
