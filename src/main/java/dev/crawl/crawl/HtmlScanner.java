package dev.crawl.crawl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds where the link values of an HTML page sit, as a browser's tokenizer sees tags (comments,
 * raw-text elements such as scripts, quoted and unquoted attributes), without building a DOM. It
 * reads the page as one char per byte (see {@link PageText}), so every position is a byte offset
 * and {@code -k} can splice new values into the bytes as served.
 */
final class HtmlScanner {
  /** Whether a value is followed as a page link, loaded with the page (-p), or only rewritten by -k. */
  enum Kind { LINK, REQUISITE, OTHER }

  /** How a value is written: an attribute (entities decoded) or raw CSS text (a style element). */
  enum Syntax { ATTRIBUTE, CSS }

  /** One link value at {@code [start, end)} of the page text. */
  record Ref(int start, int end, Kind kind, Syntax syntax) {}

  /**
   * What one page holds.
   *
   * @param base the first {@code <base href>}'s value range, or null
   * @param baseTags {@code [start, end)} of every base tag, which -k removes
   * @param titleStart range of the first title's text, or -1
   */
  record Scan(List<Ref> refs, Ref base, List<int[]> baseTags, int titleStart, int titleEnd) {}

  /** Elements whose content is text to the tokenizer, up to their end tag. */
  private static final List<String> RAW_TEXT = List.of("script", "style", "title", "textarea", "xmp", "noembed",
      "noframes");

  private final String s;
  private final List<Ref> refs = new ArrayList<>();
  private final List<int[]> baseTags = new ArrayList<>();
  private Ref base;
  private int titleStart = -1;
  private int titleEnd = -1;
  // attributes of the tag being read: name and value ranges, reused from tag to tag
  private int[] attrs = new int[64];
  private int attrCount;

  private HtmlScanner(String text) {
    this.s = text;
  }

  static Scan scan(String text) {
    HtmlScanner scanner = new HtmlScanner(text);
    scanner.run();
    return new Scan(scanner.refs, scanner.base, scanner.baseTags, scanner.titleStart, scanner.titleEnd);
  }

  private void run() {
    int n = s.length();
    int i = 0;
    while ((i = s.indexOf('<', i)) >= 0 && i + 1 < n) {
      char c = s.charAt(i + 1);
      if (c == '!' && s.startsWith("<!--", i)) {
        int end = s.indexOf("-->", i + 4);
        i = end < 0 ? n : end + 3;
      } else if (c == '!' || c == '?' || c == '/') {
        int end = s.indexOf('>', i + 2);
        i = end < 0 ? n : end + 1;
      } else if (isLetter(c)) {
        i = tag(i);
      } else {
        i++;
      }
    }
  }

  /** Reads the start tag at {@code lt}; returns where scanning goes on. */
  private int tag(int lt) {
    int n = s.length();
    int j = lt + 1;
    while (j < n && !isSpace(s.charAt(j)) && s.charAt(j) != '/' && s.charAt(j) != '>') {
      j++;
    }
    String name = s.substring(lt + 1, j).toLowerCase(Locale.ROOT);
    attrCount = 0;
    while (j < n) {
      char c = s.charAt(j);
      if (c == '>') {
        break;
      }
      if (isSpace(c) || c == '/') {
        j++;
        continue;
      }
      int nameStart = j;
      while (j < n && !isSpace(s.charAt(j)) && "/>=".indexOf(s.charAt(j)) < 0) {
        j++;
      }
      int nameEnd = j;
      j = skipSpaces(j);
      int valueStart = -1;
      int valueEnd = -1;
      if (j < n && s.charAt(j) == '=') {
        j = skipSpaces(j + 1);
        if (j < n && (s.charAt(j) == '"' || s.charAt(j) == '\'')) {
          int close = s.indexOf(s.charAt(j), j + 1);
          valueStart = j + 1;
          valueEnd = close < 0 ? n : close;
          j = close < 0 ? n : close + 1;
        } else {
          valueStart = j;
          while (j < n && !isSpace(s.charAt(j)) && s.charAt(j) != '>') {
            j++;
          }
          valueEnd = j;
        }
      }
      addAttribute(nameStart, nameEnd, valueStart, valueEnd);
    }
    int tagEnd = Math.min(j + 1, n);
    startTag(name, lt, tagEnd);
    return RAW_TEXT.contains(name) ? rawText(name, tagEnd) : tagEnd;
  }

  private void addAttribute(int nameStart, int nameEnd, int valueStart, int valueEnd) {
    if (attrCount * 4 == attrs.length) {
      attrs = java.util.Arrays.copyOf(attrs, attrs.length * 2);
    }
    int k = attrCount++ * 4;
    attrs[k] = nameStart;
    attrs[k + 1] = nameEnd;
    attrs[k + 2] = valueStart;
    attrs[k + 3] = valueEnd;
  }

  /** The index of the first attribute of this name (HTML ignores repeats), or -1. */
  private int attribute(String name) {
    for (int a = 0; a < attrCount; a++) {
      int k = a * 4;
      if (attrs[k + 1] - attrs[k] == name.length() && s.regionMatches(true, attrs[k], name, 0, name.length())) {
        return attrs[k + 2] < 0 ? -1 : a;
      }
    }
    return -1;
  }

  private String value(int a) {
    return s.substring(attrs[a * 4 + 2], attrs[a * 4 + 3]);
  }

  private void ref(String attribute, Kind kind) {
    int a = attribute(attribute);
    if (a >= 0) {
      refs.add(new Ref(attrs[a * 4 + 2], attrs[a * 4 + 3], kind, Syntax.ATTRIBUTE));
    }
  }

  private void startTag(String name, int lt, int tagEnd) {
    switch (name) {
      case "a", "area" -> ref("href", Kind.LINK);
      case "base" -> {
        int a = attribute("href");
        if (a >= 0 && base == null) {
          base = new Ref(attrs[a * 4 + 2], attrs[a * 4 + 3], Kind.OTHER, Syntax.ATTRIBUTE);
        }
        baseTags.add(new int[] {lt, tagEnd});
      }
      case "link" -> {
        int rel = attribute("rel");
        ref("href", rel >= 0 && isRequisiteRel(value(rel)) ? Kind.REQUISITE : Kind.OTHER);
      }
      case "img", "source" -> {
        ref("src", Kind.REQUISITE);
        srcset();
      }
      case "script", "audio", "track", "embed", "iframe", "frame" -> ref("src", Kind.REQUISITE);
      case "video" -> {
        ref("src", Kind.REQUISITE);
        ref("poster", Kind.REQUISITE);
      }
      case "input" -> {
        int type = attribute("type");
        if (type >= 0 && value(type).strip().equalsIgnoreCase("image")) {
          ref("src", Kind.REQUISITE);
        }
      }
      case "object" -> ref("data", Kind.REQUISITE);
      case "body", "table", "td", "th" -> ref("background", Kind.REQUISITE);
      case "meta" -> refresh();
      default -> { }
    }
    int style = attribute("style");
    if (style >= 0) {
      CssScanner.scan(s, attrs[style * 4 + 2], attrs[style * 4 + 3], Syntax.ATTRIBUTE, refs);
    }
  }

  private static boolean isRequisiteRel(String rel) {
    String r = rel.toLowerCase(Locale.ROOT);
    return r.contains("stylesheet") || r.contains("icon") || r.contains("preload") || r.contains("manifest");
  }

  /** {@code srcset="a.png 1x, b.png 2x"}: each candidate's URL, split as the HTML standard does. */
  private void srcset() {
    int a = attribute("srcset");
    if (a < 0) {
      return;
    }
    int p = attrs[a * 4 + 2];
    int end = attrs[a * 4 + 3];
    while (p < end) {
      while (p < end && (isSpace(s.charAt(p)) || s.charAt(p) == ',')) {
        p++;
      }
      int urlStart = p;
      while (p < end && !isSpace(s.charAt(p))) {
        p++;
      }
      int urlEnd = p;
      while (urlEnd > urlStart && s.charAt(urlEnd - 1) == ',') {
        urlEnd--;
      }
      if (urlEnd > urlStart) {
        refs.add(new Ref(urlStart, urlEnd, Kind.REQUISITE, Syntax.ATTRIBUTE));
      }
      if (urlEnd == p) { // no comma ended the URL: descriptors follow, up to the next comma
        while (p < end && s.charAt(p) != ',') {
          p++;
        }
      }
    }
  }

  /** {@code <meta http-equiv=refresh content="5; url=next.html">}: the target a browser loads. */
  private void refresh() {
    int equiv = attribute("http-equiv");
    int content = attribute("content");
    if (equiv < 0 || content < 0 || !value(equiv).strip().equalsIgnoreCase("refresh")) {
      return;
    }
    int start = attrs[content * 4 + 2];
    int end = attrs[content * 4 + 3];
    int sep = start; // the delay ends at the first ';' or ','; without one there is no target
    while (sep < end && s.charAt(sep) != ';' && s.charAt(sep) != ',') {
      sep++;
    }
    if (sep == end) {
      return;
    }
    int p = skipSpaces(sep + 1);
    if (p + 3 < end && s.regionMatches(true, p, "url", 0, 3)) {
      int q = skipSpaces(p + 3);
      if (q < end && s.charAt(q) == '=') {
        p = skipSpaces(q + 1);
      }
    }
    int e = end;
    if (p < e && (s.charAt(p) == '\'' || s.charAt(p) == '"')) {
      int close = s.indexOf(s.charAt(p), p + 1);
      e = close < 0 || close > end ? end : close;
      p++;
    }
    while (e > p && isSpace(s.charAt(e - 1))) {
      e--;
    }
    if (e > p) {
      refs.add(new Ref(p, e, Kind.REQUISITE, Syntax.ATTRIBUTE));
    }
  }

  /** Skips a raw-text element's content to its end tag; style content is CSS, a title the title. */
  private int rawText(String name, int from) {
    int n = s.length();
    int close = from;
    while ((close = s.indexOf("</", close)) >= 0) {
      int after = close + 2 + name.length();
      if (s.regionMatches(true, close + 2, name, 0, name.length())
          && (after >= n || isSpace(s.charAt(after)) || s.charAt(after) == '>' || s.charAt(after) == '/')) {
        break;
      }
      close += 2;
    }
    int end = close < 0 ? n : close;
    if (name.equals("style")) {
      CssScanner.scan(s, from, end, Syntax.CSS, refs);
    } else if (name.equals("title") && titleStart < 0) {
      titleStart = from;
      titleEnd = end;
    }
    return end;
  }

  private int skipSpaces(int j) {
    while (j < s.length() && isSpace(s.charAt(j))) {
      j++;
    }
    return j;
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
