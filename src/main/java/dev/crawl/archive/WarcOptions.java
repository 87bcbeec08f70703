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

  /** The same archive for one of a run's worker processes: a file of its own, named after its pid. */
  public WarcOptions forWorker(long pid) {
    return new WarcOptions(WarcFiles.base(file) + "-worker-" + pid + ".warc.gz", maxBytes, cdx);
  }
}
