package dev.crawl.crawl;

import dev.crawl.crawl.HtmlScanner.Kind;
import dev.crawl.crawl.HtmlScanner.Ref;
import dev.crawl.crawl.HtmlScanner.Syntax;
import java.util.List;

/**
 * Finds what a stylesheet loads: {@code url(...)} values and {@code @import} strings, skipping
 * comments and other strings, in a CSS file, a style element or a style attribute.
 */
final class CssScanner {
  private CssScanner() {}

  /** Adds the references in {@code [from, to)} of {@code s} to {@code refs}, all requisites. */
  static void scan(String s, int from, int to, Syntax syntax, List<Ref> refs) {
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (c == '/' && i + 1 < to && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 || end >= to ? to : end + 2;
      } else if (c == '"' || c == '\'') {
        i = stringEnd(s, i, to);
      } else if (c == '@' && s.regionMatches(true, i + 1, "import", 0, 6)) {
        int p = i + 7;
        while (p < to && HtmlScanner.isSpace(s.charAt(p))) {
          p++;
        }
        if (p < to && (s.charAt(p) == '"' || s.charAt(p) == '\'')) {
          int end = stringEnd(s, p, to);
          add(refs, p + 1, end - 1, syntax);
          i = end;
        } else {
          i = p;
        }
      } else if ((c == 'u' || c == 'U') && s.regionMatches(true, i, "url(", 0, 4) && !isNameChar(s, i - 1, from)) {
        i = url(s, i + 4, to, syntax, refs);
      } else {
        i++;
      }
    }
  }

  /** Reads {@code url(} ... {@code )} from after the parenthesis; returns the index past it. */
  private static int url(String s, int p, int to, Syntax syntax, List<Ref> refs) {
    while (p < to && HtmlScanner.isSpace(s.charAt(p))) {
      p++;
    }
    if (p < to && (s.charAt(p) == '"' || s.charAt(p) == '\'')) {
      int end = stringEnd(s, p, to);
      add(refs, p + 1, end - 1, syntax);
      int close = s.indexOf(')', end);
      return close < 0 || close >= to ? to : close + 1;
    }
    int close = s.indexOf(')', p);
    int end = close < 0 || close >= to ? to : close;
    int e = end;
    while (e > p && HtmlScanner.isSpace(s.charAt(e - 1))) {
      e--;
    }
    add(refs, p, e, syntax);
    return Math.min(end + 1, to);
  }

  private static void add(List<Ref> refs, int start, int end, Syntax syntax) {
    if (end > start) {
      refs.add(new Ref(start, end, Kind.REQUISITE, syntax));
    }
  }

  /** The index past the string that opens at {@code quote}, honouring backslash escapes. */
  private static int stringEnd(String s, int quote, int to) {
    char q = s.charAt(quote);
    for (int i = quote + 1; i < to; i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == q || c == '\n') {
        return i + 1;
      }
    }
    return to;
  }

  private static boolean isNameChar(String s, int i, int from) {
    if (i < from) {
      return false;
    }
    char c = s.charAt(i);
    return Character.isLetterOrDigit(c) || c == '-' || c == '_';
  }
}
