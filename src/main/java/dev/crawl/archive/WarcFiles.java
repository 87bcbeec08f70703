package dev.crawl.archive;

/** Names of the files of one archive. */
final class WarcFiles {
  private WarcFiles() {}

  /** The name without its {@code .warc.gz} (or {@code .warc}, {@code .gz}) ending. */
  static String base(String file) {
    for (String ending : new String[] {".warc.gz", ".warc", ".gz"}) {
      if (file.endsWith(ending)) {
        return file.substring(0, file.length() - ending.length());
      }
    }
    return file;
  }

  /** The n-th file of an archive that rolls over ({@code --warc-max-size}). */
  static String numbered(String file, int n) {
    return String.format("%s-%05d.warc.gz", base(file), n);
  }
}
