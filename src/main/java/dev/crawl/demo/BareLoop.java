package dev.crawl.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The floor for the benchmarks: the JDK client alone, {@code sendAsync} with {@code ofFile}, at most
 * N in flight, files named by their position. No temporary file, no decoding, no report: what is
 * left when everything crawl adds is taken away.
 */
public final class BareLoop {
  private BareLoop() {}

  /** Downloads every URL {@code passes} times into {@code out/PASS/N} and prints each pass's wall time. */
  public static void run(List<URI> urls, int concurrency, Path out, int passes, PrintStream report)
      throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      for (int pass = 1; pass <= passes; pass++) {
        Path dir = Files.createDirectories(out.resolve(String.valueOf(pass)));
        Semaphore slots = new Semaphore(concurrency);
        long start = System.nanoTime();
        CompletableFuture<?>[] all = new CompletableFuture<?>[urls.size()];
        for (int i = 0; i < urls.size(); i++) {
          slots.acquire();
          all[i] =
              client
                  .sendAsync(HttpRequest.newBuilder(urls.get(i)).build(), HttpResponse.BodyHandlers.ofFile(dir.resolve(String.valueOf(i))))
                  .whenComplete((r, e) -> slots.release());
        }
        CompletableFuture.allOf(all).join();
        report.printf(Locale.US, "bare loop: pass %d: %d URLs in %.3f s%n", pass, urls.size(), (System.nanoTime() - start) / 1e9);
      }
    }
  }
}
