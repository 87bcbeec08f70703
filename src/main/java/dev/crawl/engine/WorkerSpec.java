package dev.crawl.engine;

import dev.crawl.crawl.CrawlOptions;
import dev.crawl.crawl.Scope;
import dev.crawl.fetch.FetchSettings;
import dev.crawl.store.Store;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How to start a worker process: this JVM's java and class path, the hidden worker command. */
public record WorkerSpec(List<String> command, WorkerSetup setup, int perHost, double rate) {

  /**
   * @param store where the parent saves; the workers save into the same directory
   * @param scope the crawl's scope, or null for a list
   */
  public static WorkerSpec forThisJvm(FetchSettings settings, Store store, CrawlOptions crawl, Scope.Rules scope) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // workers are short-lived and I/O bound: start fast, stay small
    cmd.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx256m"));
    // the brotli and zstd decoders are native libraries: allowed, without the JDK's warning
    cmd.add("--enable-native-access=ALL-UNNAMED");
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // the launcher's start-up cache serves the workers too: same jar, same JDK
      if (arg.startsWith("-XX:SharedArchiveFile=")) {
        cmd.addAll(List.of(arg, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
      } else if (arg.startsWith("-XX:AOTCache=")) {
        cmd.addAll(List.of(arg, "-Xlog:aot=off", "-Xlog:cds=off"));
      } else if (arg.startsWith("-Djdk.httpclient.")) {
        cmd.add(arg); // the client's tuning (the launcher's read size): every mode fetches alike
      }
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.crawl.cli.Main", "worker"));
    return new WorkerSpec(List.copyOf(cmd), WorkerSetup.of(settings, store, crawl, scope), settings.perHost(), settings.rate());
  }
}
