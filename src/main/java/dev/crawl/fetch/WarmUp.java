package dev.crawl.fetch;

import dev.crawl.fetch.body.ContentCodings;
import dev.crawl.fetch.tls.Tls;
import java.io.IOException;

/**
 * Loads what the first request needs on a thread of its own: the system's TLS trust (building an
 * HttpClient needs it even for a list of http URLs: about 140 certificates to parse, 0.11 s cold)
 * and the brotli and zstd libraries (Accept-Encoding names only codings whose library loaded:
 * 34-42 ms). Started first thing, that runs on the second core while the command line is parsed
 * and the run is set up.
 */
public final class WarmUp {
  private WarmUp() {}

  public static void start() {
    Thread.ofPlatform().daemon().name("crawl-warm-up").start(() -> {
      try {
        Tls.systemTrust(); // made once; a client built meanwhile waits for this one
      } catch (IOException ignored) {
        // the client that needs it reports the failure
      }
      ContentCodings.accepted();
    });
  }

  /**
   * A worker process's warm-up: the codings alone. The trust store would cost each worker 0.2 s of
   * CPU whether or not it meets an https URL; its client loads the store on the first one.
   */
  public static void startForWorker() {
    Thread.ofPlatform().daemon().name("crawl-warm-up").start(ContentCodings::accepted);
  }
}
