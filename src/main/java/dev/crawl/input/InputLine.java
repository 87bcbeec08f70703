package dev.crawl.input;

/**
 * One line of input with its location, e.g. {@code urls.txt:12}.
 *
 * @param problem why the line cannot name a URL whatever it says (not UTF-8, a NUL byte), or null
 */
public record InputLine(String source, long number, String text, String problem) {
  public InputLine(String source, long number, String text) {
    this(source, number, text, null);
  }

  public String origin() {
    return source + ":" + number;
  }
}
