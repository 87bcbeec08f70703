package dev.crawl.input;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Turns one line of input into a normalised http(s) URL, or a reason it is not one. */
public final class UrlParser {
  public static final int MAX_URL_LENGTH = 8192;

  /** A parsed line: exactly one of {@code url} and {@code problem} is set. */
  public record Parsed(URI url, String problem) {
    static Parsed ok(URI url) {
      return new Parsed(url, null);
    }

    static Parsed bad(String problem) {
      return new Parsed(null, problem);
    }
  }

  private UrlParser() {}

  public static Parsed parse(String line) {
    String text = line.strip();
    if (text.length() > MAX_URL_LENGTH) {
      return Parsed.bad("URL too long (" + text.length() + " characters, at most " + MAX_URL_LENGTH + ")");
    }
    URI uri;
    try {
      uri = new URI(escapeIllegal(asciiHost(text)));
    } catch (URISyntaxException e) {
      return Parsed.bad("not a URL (" + e.getReason() + " at index " + e.getIndex() + ")");
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme == null) {
      return Parsed.bad("no scheme; write it as http://" + abbreviate(text));
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Parsed.bad("unsupported scheme '" + scheme + "': only http and https URLs are fetched");
    }
    if (uri.getRawAuthority() == null || uri.getHost() == null || uri.getHost().isEmpty()) {
      return Parsed.bad("no valid host name");
    }
    return Parsed.ok(normalise(uri));
  }

  /**
   * Lower-cases scheme and host, drops the default port and the fragment, resolves dot segments
   * and gives an empty path its '/', so one resource has one spelling for dedupe.
   */
  public static URI normalise(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
      port = -1;
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : normaliseEscapes(uri.getRawPath());
    StringBuilder b = new StringBuilder(scheme).append("://");
    if (uri.getRawUserInfo() != null) {
      b.append(uri.getRawUserInfo()).append('@');
    }
    b.append(uri.getHost().toLowerCase(Locale.ROOT));
    if (port != -1) {
      b.append(':').append(port);
    }
    b.append(path);
    if (uri.getRawQuery() != null) {
      b.append('?').append(normaliseEscapes(uri.getRawQuery()));
    }
    return URI.create(b.toString()).normalize();
  }

  /**
   * RFC 3986 §6.2.2: escapes of unreserved characters ({@code %7E}) become the characters, other
   * escapes get upper-case hex ({@code %2f} → {@code %2F}), so every spelling of a URL is one.
   */
  public static String normaliseEscapes(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    StringBuilder b = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()
          && Character.digit(raw.charAt(i + 1), 16) >= 0 && Character.digit(raw.charAt(i + 2), 16) >= 0) {
        int v = Integer.parseInt(raw, i + 1, i + 3, 16);
        if (Character.isLetterOrDigit(v) && v < 0x80 || v == '-' || v == '.' || v == '_' || v == '~') {
          b.append((char) v);
        } else {
          b.append('%').append(Character.toUpperCase(raw.charAt(i + 1))).append(Character.toUpperCase(raw.charAt(i + 2)));
        }
        i += 2;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * An internationalised host name written as DNS sends it (IDNA, punycode: {@code bücher.example}
   * becomes {@code xn--bcher-kva.example}); the rest of the URL is left as it is.
   */
  static String asciiHost(String url) {
    int start = url.indexOf("://");
    if (start < 0) {
      return url;
    }
    start += 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String authority = url.substring(start, end);
    int at = authority.lastIndexOf('@');
    String host = authority.substring(at + 1);
    if (host.startsWith("[") || host.chars().allMatch(c -> c < 0x80)) {
      return url; // an IPv6 literal, or a host already in ASCII
    }
    int colon = host.lastIndexOf(':');
    String name = colon < 0 ? host : host.substring(0, colon);
    String ascii;
    try {
      ascii = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException notAName) {
      return url; // left for the URI check to refuse
    }
    int hostStart = start + at + 1;
    return url.substring(0, hostStart) + ascii + url.substring(hostStart + name.length());
  }

  /** Browsers accept spaces and non-ASCII in URLs; percent-encode them instead of refusing. */
  public static String escapeIllegal(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean illegal = c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0;
      if (!illegal) {
        if (b != null) {
          b.append(c);
        }
        continue;
      }
      if (b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      int cp = s.codePointAt(i);
      if (Character.charCount(cp) == 2) {
        i++;
      }
      for (byte x : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
        b.append('%').append(String.format(Locale.ROOT, "%02X", x & 0xff));
      }
    }
    return b == null ? s : b.toString();
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
