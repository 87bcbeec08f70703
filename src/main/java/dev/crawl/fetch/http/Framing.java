package dev.crawl.fetch.http;

import java.net.http.HttpHeaders;
import java.util.List;

/**
 * Checks how a response says where its body ends (RFC 9112 §6.3) before any of it is kept. With
 * two different lengths, or one that is not a number, nobody can tell where the body ends: the
 * JDK client would take one value and save whatever that gives.
 *
 * <p>With both Transfer-Encoding and Content-Length the RFC says chunked framing wins, but the JDK
 * client reads such a body by its Content-Length (it saved the chunk-size line "5\r\n" of a
 * chunked "hello"), and the rest stays on the connection. Such a response fails: better no file
 * than a wrong one.
 */
public final class Framing {
  private Framing() {}

  /** The body's declared length, -1 when none is declared (chunked, or until the connection closes). */
  public static long declaredLength(HttpHeaders headers) throws FetchException {
    List<String> values = headers.allValues("Content-Length");
    if (headers.firstValue("Transfer-Encoding").isPresent()) {
      if (!values.isEmpty()) {
        throw new FetchException(
            "both Transfer-Encoding and Content-Length: the HTTP client would cut the body at the"
                + " Content-Length, not where the chunks end; nothing saved", false);
      }
      return -1;
    }
    long length = -1;
    for (String value : values) {
      // a repeated header may also arrive folded into one: "Content-Length: 42, 42"
      for (String part : value.split(",", -1)) {
        long n = parse(part.strip());
        if (length >= 0 && n != length) {
          throw new FetchException(
              "conflicting Content-Length values (" + Printable.oneLine(String.join(", ", values), 80)
                  + "): the body's end is unknown, nothing saved", false);
        }
        length = n;
      }
    }
    return length;
  }

  private static long parse(String value) throws FetchException {
    boolean digits = !value.isEmpty() && value.length() <= 18 && value.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!digits) {
      throw new FetchException(
          "invalid Content-Length '" + Printable.oneLine(value, 40) + "': the body's end is unknown, nothing saved",
          false);
    }
    return Long.parseLong(value);
  }
}
