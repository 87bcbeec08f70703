package dev.crawl.input;

/** One line of input with its location, e.g. {@code urls.txt:12}. */
public record InputLine(String source, long number, String text) {
  public String origin() {
    return source + ":" + number;
  }
}
