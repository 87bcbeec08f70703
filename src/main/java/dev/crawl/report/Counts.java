package dev.crawl.report;

/** How every input line that named a URL ended up. */
public record Counts(long saved, long failed, long invalid, long duplicate) {
  public long total() {
    return saved + failed + invalid + duplicate;
  }
}
