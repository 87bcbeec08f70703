package dev.crawl.archive;

/**
 * Where a run archives what it fetched ({@code --warc}).
 *
 * @param file the WARC file, {@code NAME.warc.gz}
 * @param maxBytes past this size a new file is started ({@code NAME-00001.warc.gz}, ...); 0 for one file
 * @param cdx write each file's CDXJ index beside it ({@code --warc-cdx}): {@code NAME.cdxj}
 */
public record WarcOptions(String file, long maxBytes, boolean cdx) {
  /** An archive without an index. */
  public WarcOptions(String file, long maxBytes) {
    this(file, maxBytes, false);
  }

  /**
   * The archive of what a {@code processes} run's parent fetches for itself (robots.txt, sitemaps):
   * its workers archive the downloads, each in a file of its own, and so does it.
   */
  public WarcOptions forParent() {
    return new WarcOptions(WarcFiles.base(file) + "-parent.warc.gz", maxBytes, cdx);
  }

  /** Where bodies past a megabyte wait for their turn in the archive: beside it, not in a tmpfs /tmp. */
  public java.nio.file.Path spool() {
    java.nio.file.Path f = java.nio.file.Path.of(file).toAbsolutePath();
    return f.resolveSibling("." + f.getFileName() + ".spool");
  }

  /** The same archive for one of a run's worker processes: a file of its own, named after its pid. */
  public WarcOptions forWorker(long pid) {
    return new WarcOptions(WarcFiles.base(file) + "-worker-" + pid + ".warc.gz", maxBytes, cdx);
  }
}
