package dev.crawl.fetch;

import java.io.IOException;

/**
 * Loads the system's TLS trust on a thread of its own. Building an HttpClient needs it (the trust
 * store: about 140 certificates to parse, 0.11 s cold) even for a list of http URLs; started first
 * thing, that runs on the second core while the command line is parsed and the run is set up.
 */
public final class TlsWarmUp {
  private TlsWarmUp() {}

  public static void start() {
    Thread.ofPlatform().daemon().name("crawl-tls-warm-up").start(() -> {
      try {
        Tls.systemTrust(); // made once; a client built meanwhile waits for this one
      } catch (IOException ignored) {
        // the client that needs it reports the failure
      }
    });
  }
}
