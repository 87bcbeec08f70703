package dev.crawl.store;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps a URL to a relative file path that is safe on any common file system: {@code
 * host[_port]/path}, {@code index.html} for directory URLs, a query folded into a short hash.
 *
 * <p>Each path segment is percent-decoded first and then neutralised, so {@code %2e%2e} and
 * {@code %2f} cannot climb out; the result never starts with '.' at the top level, which keeps the
 * report directory ({@code .crawl}) out of reach of any URL.
 */
public final class PathMapper {
  static final int MAX_SEGMENT_BYTES = 150;
  private static final Set<String> WINDOWS_RESERVED =
      Set.of(
          "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
          "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

  private PathMapper() {}

  /** Path segments for the URL, first the host directory, last the file name. */
  public static List<String> segments(URI url) {
    List<String> out = new ArrayList<>();
    out.add(hostDirectory(url));
    String rawPath = url.getRawPath() == null ? "" : url.getRawPath();
    String[] parts = rawPath.split("/", -1);
    for (int i = 0; i < parts.length - 1; i++) {
      if (!parts[i].isEmpty()) {
        out.add(safeSegment(decode(parts[i])));
      }
    }
    String last = parts[parts.length - 1];
    String file = last.isEmpty() ? "index.html" : safeSegment(decode(last));
    if (url.getRawQuery() != null) {
      file = withQueryHash(file, url.getRawQuery());
    }
    out.add(file);
    return out;
  }

  /** The relative path with '/' separators, as reports show it. */
  public static String relativePath(URI url) {
    return String.join("/", segments(url));
  }

  /**
   * The host's directory: an internationalised name as people read it ({@code bücher.example}, not
   * its punycode), an IPv6 literal without the colons a file name cannot hold ({@code [--1]}).
   */
  static String hostDirectory(URI url) {
    String host = url.getHost() == null ? "no-host" : url.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      host = host.replace(':', '-');
    } else if (host.contains("xn--")) {
      host = IDN.toUnicode(host, IDN.ALLOW_UNASSIGNED);
    }
    String dir = url.getPort() == -1 ? host : host + "_" + url.getPort();
    return safeSegment(dir);
  }

  static String safeSegment(String raw) {
    StringBuilder b = new StringBuilder(raw.length());
    raw.codePoints()
        .forEach(
            cp -> {
              if (cp < 0x20 || cp == 0x7f || "/\\:*?\"<>|".indexOf(cp) >= 0) {
                b.append('_');
              } else {
                b.appendCodePoint(cp);
              }
            });
    String s = b.toString();
    if (s.isEmpty()) {
      return "_";
    }
    // no saved name starts with a dot: '.', '..' and hidden names stay visible, and the dot names
    // in the output (reports, temporary files) are ours alone
    if (s.startsWith(".")) {
      s = "_" + s;
    }
    // Windows drops trailing dots and spaces, which would merge distinct names
    if (s.endsWith(".") || s.endsWith(" ")) {
      s = s.substring(0, s.length() - 1) + "_";
    }
    String stem = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
    if (WINDOWS_RESERVED.contains(stem.toLowerCase(Locale.ROOT))) {
      s = "_" + s;
    }
    return shorten(s);
  }

  /** Long names keep a readable prefix, their extension and a hash of the whole, so they stay distinct. */
  static String shorten(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_SEGMENT_BYTES) {
      return s;
    }
    int dot = s.lastIndexOf('.');
    String ext = dot > 0 && s.length() - dot <= 10 ? s.substring(dot) : "";
    String hash = "~" + hash8(s);
    int budget = MAX_SEGMENT_BYTES - ext.getBytes(StandardCharsets.UTF_8).length - hash.length();
    StringBuilder prefix = new StringBuilder();
    int used = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + len > budget) {
        break;
      }
      prefix.appendCodePoint(cp);
      used += len;
      i += Character.charCount(cp);
    }
    return prefix + hash + ext;
  }

  static String withQueryHash(String file, String rawQuery) {
    String tag = "@" + hash8(rawQuery);
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) + tag + file.substring(dot) : file + tag;
  }

  /** Percent-decodes as UTF-8; bytes that are not UTF-8 become U+FFFD rather than an error. */
  static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && isHex(raw, i + 1) && isHex(raw, i + 2)) {
        out.write(Integer.parseInt(raw, i + 1, i + 3, 16));
        i += 2;
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(String s, int i) {
    return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
  }

  static String hash8(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
