package dev.crawl.run;

import dev.crawl.core.UrlResult;
import dev.crawl.core.Validators;
import dev.crawl.fetch.KeptCopies;
import dev.crawl.fetch.KeptCopy;
import dev.crawl.input.SeenSet;
import dev.crawl.report.ResultsFile;
import dev.crawl.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * The files an earlier run kept in this output, for {@code -N}: what its report says of each (ETag,
 * checksum, type, size) and what the disk says now (size, time). Read before this run's report
 * replaces the earlier one. A file the report does not know, such as one from a run whose report
 * was removed, is asked about by its time alone; a file whose size no longer matches the report
 * changed on this side, and is fetched outright.
 */
public final class KeptIndex implements KeptCopies {
  private record Entry(String path, long bytes, String crc32, String contentType, Validators validators) {}

  // keyed by the URL's 64-bit hash, as the dedupe set: a million entries cost about 150 MB, not 300
  private final Map<Long, Entry> byUrl = new HashMap<>();
  private final Map<String, String> types = new HashMap<>();
  private final Store store;

  private KeptIndex(Store store) {
    this.store = store;
  }

  /** Reads the earlier report in {@code reportDir}, if any, before the new run overwrites it. */
  public static KeptIndex load(Path reportDir, Store store) throws IOException {
    KeptIndex index = new KeptIndex(store);
    ResultsFile.readEarlier(reportDir, index::add);
    return index;
  }

  private void add(UrlResult r) {
    // under the name the mapping gives: an alias (a@file) is fetched outright, as with --resume
    if (r instanceof UrlResult.OnDisk s && s.path() != null && store.savesAt(s.task().url(), s.path())) {
      String type = s.contentType() == null ? null : types.computeIfAbsent(s.contentType(), t -> t);
      // the path only where the layout cannot say it (--layout hash): one string less per URL
      String path = s.path().equals(store.pathFor(s.task().url())) ? null : s.path();
      byUrl.put(SeenSet.hash(s.url()), new Entry(path, s.bytes(), s.crc32(), type, s.validators()));
    }
  }

  @Override
  public KeptCopy of(URI url) {
    Entry e = byUrl.get(SeenSet.hash(url.toString()));
    String path = e != null && e.path() != null ? e.path() : store.pathFor(url);
    BasicFileAttributes file;
    try {
      file = Files.readAttributes(store.file(path), BasicFileAttributes.class);
    } catch (IOException | UncheckedIOException none) {
      return null;
    }
    if (!file.isRegularFile()) {
      return null;
    }
    if (e == null) {
      return new KeptCopy(path, file.size(), file.lastModifiedTime().toMillis(), null, null, Validators.NONE);
    }
    if (e.bytes() != file.size()) {
      return null;
    }
    return new KeptCopy(path, file.size(), file.lastModifiedTime().toMillis(), e.crc32(), e.contentType(), e.validators());
  }
}
