package dev.crawl.crawl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A saved page as the scanners read it. Pages in an ASCII-compatible encoding (UTF-8, the ISO and
 * Windows code pages, Shift_JIS...) are read one char per byte, so offsets are byte offsets and
 * writing the text back gives the same bytes; only link values are decoded with the page's
 * charset. UTF-16 pages (recognised by their byte-order mark) are decoded whole.
 */
final class PageText {
  private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");

  private final Path file;
  private final long size;
  private final long limit;
  private final byte[] bytes;
  private final String text;
  private final Charset charset;
  private final byte[] bom;

  /** A range {@code [start, end)} of the text to replace. */
  record Splice(int start, int end, String replacement) {}

  private PageText(Path file, long size, long limit, byte[] bytes, String text, Charset charset, byte[] bom) {
    this.file = file;
    this.size = size;
    this.limit = limit;
    this.bytes = bytes;
    this.text = text;
    this.charset = charset;
    this.bom = bom;
  }

  /**
   * Reads the page, or of a page over {@code limit} bytes its first {@code limit} bytes up to the
   * end of the last tag in them, so that a link cut in half is not taken for a link: the scanners
   * hold the text twice over, and a server can send a page of any size.
   *
   * @param contentType the response's Content-Type, whose charset wins over the page's own, or null
   * @param limit the most bytes read; at least 2
   */
  static PageText read(Path file, String contentType, long limit) throws IOException {
    byte[] bytes;
    long size;
    try (FileChannel in = FileChannel.open(file)) {
      size = in.size();
      bytes = new byte[(int) Math.min(size, Math.min(limit, Integer.MAX_VALUE - 8))];
      ByteBuffer into = ByteBuffer.wrap(bytes);
      while (into.hasRemaining() && in.read(into) >= 0) {
        // until the prefix is full or the file ends (it may have been cut since its size was read)
      }
      if (into.hasRemaining()) {
        bytes = java.util.Arrays.copyOf(bytes, into.position());
        size = bytes.length;
      }
    }
    if (bytes.length < size) {
      bytes = java.util.Arrays.copyOf(bytes, toLastTag(bytes));
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
      return utf16(file, size, limit, bytes, StandardCharsets.UTF_16BE);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
      return utf16(file, size, limit, bytes, StandardCharsets.UTF_16LE);
    }
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    Charset charset = declared(contentType);
    if (charset == null) {
      // the HTML standard's pre-scan looks at the first 1,024 bytes for a meta charset
      charset = declared(text.substring(0, Math.min(1024, text.length())));
    }
    if (charset == null || !isAsciiCompatible(charset)) {
      charset = StandardCharsets.UTF_8; // the standard's answer to a declared UTF-16 without a mark
    }
    return new PageText(file, size, limit, bytes, text, charset, new byte[0]);
  }

  /** How much of a cut page to keep: up to its last {@code >}, in UTF-16 too, or all of it when it has none. */
  private static int toLastTag(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '>') {
        // UTF-16's '>' is 0x3E beside 0x00; the pair ends one byte later in little-endian
        int end = i + 1;
        return end + (end % 2 == 1 && end < bytes.length && bytes[end] == 0 ? 1 : 0);
      }
    }
    return bytes.length - bytes.length % 2;
  }

  private static PageText utf16(Path file, long size, long limit, byte[] bytes, Charset charset) {
    int even = bytes.length - bytes.length % 2;
    return new PageText(file, size, limit, bytes, new String(bytes, 2, even - 2, charset), charset,
        java.util.Arrays.copyOf(bytes, 2));
  }

  /** Whether only a prefix of the page was read. */
  boolean cut() {
    return bytes.length < size;
  }

  /** The most bytes of the page that were to be read. */
  long limit() {
    return limit;
  }

  /** The page's size on disk. */
  long size() {
    return size;
  }

  private static Charset declared(String where) {
    if (where == null) {
      return null;
    }
    Matcher m = CHARSET.matcher(where);
    if (!m.find()) {
      return null;
    }
    try {
      return Charset.forName(m.group(1).toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isAsciiCompatible(Charset c) {
    String probe = "<a href=\"x\">";
    return new String(probe.getBytes(c), StandardCharsets.ISO_8859_1).equals(probe);
  }

  String text() {
    return text;
  }

  /** The characters a value at {@code [start, end)} stands for, decoded with the page's charset. */
  String decode(int start, int end) {
    String raw = text.substring(start, end);
    if (bom.length > 0) {
      return raw; // decoded already
    }
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) >= 0x80) {
        return new String(raw.getBytes(StandardCharsets.ISO_8859_1), charset);
      }
    }
    return raw;
  }

  /**
   * Writes the page to {@code to} with the splices (in order, not overlapping) applied: the bytes
   * between them are copied as they are, never decoded and encoded again, and what lies past the
   * prefix that was read is copied from the file as it is.
   */
  void write(Path to, java.util.List<Splice> splices) throws IOException {
    try (java.io.OutputStream out = new java.io.BufferedOutputStream(
        Files.newOutputStream(to, java.nio.file.StandardOpenOption.CREATE_NEW), 1 << 16)) {
      if (bom.length > 0) {
        StringBuilder b = new StringBuilder(text);
        for (int i = splices.size() - 1; i >= 0; i--) {
          b.replace(splices.get(i).start(), splices.get(i).end(), splices.get(i).replacement());
        }
        out.write(bom);
        out.write(b.toString().getBytes(charset));
        int decoded = 2 + (bytes.length - 2) / 2 * 2;
        out.write(bytes, decoded, bytes.length - decoded);
      } else {
        int at = 0;
        for (Splice s : splices) {
          out.write(bytes, at, s.start() - at);
          out.write(s.replacement().getBytes(StandardCharsets.ISO_8859_1)); // URLs we write are ASCII
          at = s.end();
        }
        out.write(bytes, at, bytes.length - at);
      }
      if (cut()) {
        out.flush();
        try (java.io.InputStream rest = Files.newInputStream(file)) {
          rest.skipNBytes(bytes.length);
          rest.transferTo(out);
        }
      }
    }
  }
}
