package dev.crawl.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits one input stream into lines of bytes and decodes each line on its own, so that a line
 * that is not UTF-8 is one bad line, not a bad list. Ends lines at LF (a CR before it is dropped)
 * and skips a UTF-8 byte-order mark at the start.
 */
final class ByteLines {
  /** No URL is this long; a longer line is read past, not kept. */
  static final int MAX_LINE_BYTES = 1 << 20;
  /** At most this much of the start is looked at to tell a binary file from a list. */
  static final int SNIFF_BYTES = 8192;

  private final InputStream in;
  private final byte[] buffer = new byte[64 * 1024];
  private int pos;
  private int limit;
  private boolean eof;
  private byte[] line = new byte[256];
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  /** A decoded line, or the reason it has none. */
  record Line(String text, String problem) {}

  ByteLines(InputStream in) throws IOException {
    this.in = in;
    // no more than a byte-order mark is waited for: a pipeline may send one URL and wait, and that
    // URL is fetched at once; the binary check looks at whatever the first reads brought
    fill(3);
    if (limit >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB && (buffer[2] & 0xff) == 0xBF) {
      pos = 3; // Windows editors start UTF-8 files with a byte-order mark
    }
  }

  /**
   * True when the start of the input is mostly bytes no list has: NULs and other control bytes,
   * or bytes that are not UTF-8. A list with a bad line or two is still a list.
   */
  boolean looksBinary() {
    int n = Math.min(limit - pos, SNIFF_BYTES);
    if (n == 0) {
      return false;
    }
    String start = new String(buffer, pos, n, StandardCharsets.UTF_8); // malformed bytes become U+FFFD
    long odd =
        start.chars().filter(c -> c == 0xFFFD || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')).count();
    return odd * 10 > start.length();
  }

  /** The next line, or null at the end of the input. */
  Line next() throws IOException {
    int length = 0;
    boolean tooLong = false;
    while (true) {
      if (pos == limit && !fill(1)) {
        if (length == 0 && !tooLong) {
          return null;
        }
        break;
      }
      int end = pos;
      while (end < limit && buffer[end] != '\n') {
        end++;
      }
      int chunk = end - pos;
      if (!tooLong && length + chunk > MAX_LINE_BYTES) {
        tooLong = true;
      }
      if (!tooLong) {
        if (length + chunk > line.length) {
          line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
        }
        System.arraycopy(buffer, pos, line, length, chunk);
        length += chunk;
      }
      pos = end;
      if (end < limit) {
        pos++; // past the LF
        break;
      }
    }
    if (tooLong) {
      return new Line("", "line longer than " + (MAX_LINE_BYTES >> 20) + " MiB");
    }
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return decode(length);
  }

  private Line decode(int length) {
    boolean ascii = true;
    for (int i = 0; i < length; i++) {
      byte b = line[i];
      if (b == 0) {
        return new Line(new String(line, 0, length, StandardCharsets.UTF_8).replace('\0', ' '), "contains a NUL byte");
      }
      ascii &= b > 0;
    }
    if (ascii) {
      return new Line(new String(line, 0, length, StandardCharsets.ISO_8859_1), null);
    }
    try {
      return new Line(utf8.decode(ByteBuffer.wrap(line, 0, length)).toString(), null);
    } catch (CharacterCodingException e) {
      return new Line(new String(line, 0, length, StandardCharsets.UTF_8), "not UTF-8");
    }
  }

  /** Reads until at least {@code want} bytes are buffered or the input ends; false if none are. */
  private boolean fill(int want) throws IOException {
    if (pos > 0 && pos == limit) {
      pos = 0;
      limit = 0;
    }
    while (!eof && limit - pos < want && limit < buffer.length) {
      int n = in.read(buffer, limit, buffer.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    }
    return limit > pos;
  }
}
