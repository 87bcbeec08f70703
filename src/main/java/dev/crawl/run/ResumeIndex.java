package dev.crawl.run;

import dev.crawl.core.Task;
import dev.crawl.core.UrlResult;
import dev.crawl.input.SeenSet;
import dev.crawl.report.ResultsFile;
import dev.crawl.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What an earlier run saved completely, for {@code --resume}: URLs whose file is still there, at
 * the path the mapping gives, with the size the report recorded. Kept as 64-bit hashes, like the
 * dedupe set, so a million URLs cost a few megabytes.
 */
public final class ResumeIndex {
  private final SeenSet saved = new SeenSet();
  // --layout hash: a file's name comes from its content, so where each URL's is must be remembered
  private final Map<Long, String> contentPaths = new HashMap<>();
  private final Store store;
  private long stale;

  private ResumeIndex(Store store) {
    this.store = store;
  }

  /** Reads the earlier report in {@code reportDir}, if any, before the new run overwrites it. */
  public static ResumeIndex load(Path reportDir, Store store) throws IOException {
    ResumeIndex index = new ResumeIndex(store);
    ResultsFile.readEarlier(reportDir, index::add);
    return index;
  }

  private void add(UrlResult r) {
    // a file the earlier run saved, or one an earlier resume found saved before it
    switch (r) {
      case UrlResult.OnDisk s -> add(s.task(), s.path(), s.bytes());
      case UrlResult.Skipped k when k.path() != null && k.bytes() >= 0 -> add(k.task(), k.path(), k.bytes());
      default -> {}
    }
  }

  private void add(Task task, String path, long bytes) {
    // an alias (a@file) or a changed mapping is fetched again, as is a file gone or changed since
    if (store.savesAt(task.url(), path) && store.sizeOf(path) == bytes) {
      saved.add(task.url().toString());
      if (!path.equals(store.pathFor(task.url()))) {
        contentPaths.put(SeenSet.hash(task.url().toString()), path);
      }
    } else {
      stale++;
    }
  }

  /** For a task the earlier run saved completely, the skip to report instead of fetching it; else null. */
  public UrlResult.Skipped skipIfSaved(Task task) {
    if (!saved.contains(task.url().toString())) {
      return null;
    }
    String path = contentPaths.getOrDefault(SeenSet.hash(task.url().toString()), store.pathFor(task.url()));
    return UrlResult.Skipped.alreadySaved(task, path, store.sizeOf(path));
  }

  /** Saved URLs of the earlier run whose file is gone or changed, so they are fetched again. */
  public long stale() {
    return stale;
  }
}
