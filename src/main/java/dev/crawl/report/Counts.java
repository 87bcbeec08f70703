package dev.crawl.report;

/**
 * How every input line that named a URL ended up.
 *
 * @param interrupted downloads stopped by Ctrl-C before they finished (nothing kept)
 * @param skipped not fetched: saved completely by an earlier run ({@code --resume}), or a link
 *     robots.txt disallows
 * @param notModified asked again ({@code -N}) and unchanged since an earlier run saved them: kept
 */
public record Counts(
    long saved, long failed, long invalid, long duplicate, long interrupted, long skipped, long notModified) {
  public Counts(long saved, long failed, long invalid, long duplicate) {
    this(saved, failed, invalid, duplicate, 0, 0, 0);
  }

  public long total() {
    return saved + failed + invalid + duplicate + interrupted + skipped + notModified;
  }
}
