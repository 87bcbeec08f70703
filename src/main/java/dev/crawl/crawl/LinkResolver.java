package dev.crawl.crawl;

import dev.crawl.input.UrlParser;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves the link values of one page against its base and normalises them as {@link UrlParser}
 * does, once per distinct value: a page repeats its links many times. Plain relative paths, most
 * of any site, are resolved by string work; anything else goes through {@code java.net.URI}.
 */
final class LinkResolver {
  private final URI base;
  private final String self;
  private final String origin;
  private final String directory;
  private final Map<String, String> resolved = new HashMap<>();

  /** @param base the page's URL, or its {@code <base href>}; already normalised, http(s) */
  LinkResolver(URI base) {
    this.base = base;
    this.self = base.toString();
    this.origin = base.getScheme() + "://" + base.getRawAuthority();
    String path = base.getRawPath();
    this.directory = path.substring(0, path.lastIndexOf('/') + 1);
  }

  /** The normalised http(s) URL a link value stands for, or null (other schemes, unparseable). */
  String resolve(String value) {
    String v = clean(value);
    return resolved.computeIfAbsent(v, this::compute);
  }

  private String compute(String v) {
    if (v.isEmpty()) {
      return self; // a fragment-only link is the page itself
    }
    String fast = plainRelative(v);
    if (fast != null) {
      return fast;
    }
    try {
      String escaped = UrlParser.escapeIllegal(v);
      // java.net.URI follows RFC 2396 for "?query" alone and would drop the last path segment
      URI target = v.startsWith("?") ? new URI(origin + base.getRawPath() + escaped) : base.resolve(new URI(escaped));
      URI url = UrlParser.parse(target.toString()).url();
      return url == null ? null : url.toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /** A relative path (and query) of plain URL characters, resolved by hand; null for anything else. */
  private String plainRelative(String v) {
    if (v.startsWith("//")) {
      return null;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~/!$&'()*+,;=@?%".indexOf(c) >= 0;
      if (!plain || (c == '%' && !escapeAt(v, i)) || (c == '?' && i == 0)) {
        return null; // ':' may start a scheme; the rest needs escaping or care
      }
    }
    int q = v.indexOf('?');
    String path = q < 0 ? v : v.substring(0, q);
    String merged = removeDotSegments(path.startsWith("/") ? path : directory + path);
    if (merged == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(origin.length() + merged.length() + 16).append(origin);
    b.append(UrlParser.normaliseEscapes(merged));
    if (q >= 0) {
      b.append('?').append(UrlParser.normaliseEscapes(v.substring(q + 1)));
    }
    return b.toString();
  }

  private static boolean escapeAt(String v, int i) {
    return i + 2 < v.length() && Character.digit(v.charAt(i + 1), 16) >= 0 && Character.digit(v.charAt(i + 2), 16) >= 0;
  }

  /**
   * RFC 3986 §5.2.4 on an absolute path; null when a ".." would climb above the root or a segment
   * is empty, cases {@code URI.normalize} spells its own way and the slow path leaves to it.
   */
  static String removeDotSegments(String path) {
    if (path.indexOf("/.") < 0 && path.indexOf("//") < 0) {
      return path;
    }
    String[] segments = path.substring(1).split("/", -1);
    String[] out = new String[segments.length];
    int n = 0;
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      boolean last = i == segments.length - 1;
      if (s.equals(".")) {
        if (last) {
          out[n++] = "";
        }
      } else if (s.equals("..")) {
        if (n == 0) {
          return null;
        }
        n--;
        if (last) {
          out[n++] = "";
        }
      } else if (s.isEmpty() && !last) {
        return null;
      } else {
        out[n++] = s;
      }
    }
    StringBuilder b = new StringBuilder(path.length());
    for (int i = 0; i < n; i++) {
      b.append('/').append(out[i]);
    }
    return b.length() == 0 ? "/" : b.toString();
  }

  /** What browsers do to a URL attribute: trim spaces and controls, drop tabs and newlines inside. */
  private static String clean(String value) {
    String v = value.strip();
    int hash = v.indexOf('#');
    if (hash >= 0) {
      v = v.substring(0, hash);
    }
    if (v.indexOf('\n') >= 0 || v.indexOf('\t') >= 0 || v.indexOf('\r') >= 0) {
      v = v.replace("\n", "").replace("\t", "").replace("\r", "");
    }
    return v;
  }
}
