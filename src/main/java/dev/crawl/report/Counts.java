package dev.crawl.report;

/**
 * How every input line that named a URL ended up.
 *
 * @param interrupted downloads stopped by Ctrl-C before they finished (nothing kept)
 * @param skipped not fetched: saved completely by an earlier run ({@code --resume}), or a link
 *     robots.txt disallows
 */
public record Counts(long saved, long failed, long invalid, long duplicate, long interrupted, long skipped) {
  public Counts(long saved, long failed, long invalid, long duplicate) {
    this(saved, failed, invalid, duplicate, 0, 0);
  }

  public long total() {
    return saved + failed + invalid + duplicate + interrupted + skipped;
  }
}
