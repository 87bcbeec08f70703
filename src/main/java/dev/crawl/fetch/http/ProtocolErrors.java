package dev.crawl.fetch.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the JDK client's protocol errors into reasons a user can act on. The raw messages speak of
 * parser states, and one echoes whatever bytes a broken server sent.
 */
public final class ProtocolErrors {
  private static final Pattern SHORT_BODY =
      Pattern.compile("fixed content-length: (\\d+), bytes received: (\\d+)");

  private ProtocolErrors() {}

  /** A clear reason for a known message, or null. */
  public static String explain(String message) {
    if (message == null) {
      return null;
    }
    String m = message.toLowerCase(Locale.ROOT);
    Matcher shortBody = SHORT_BODY.matcher(m);
    if (shortBody.find()) {
      return "connection closed after " + shortBody.group(2) + " of " + shortBody.group(1)
          + " bytes: the body is shorter than its Content-Length";
    }
    if (m.contains("header parser received no bytes")) {
      return "the server closed the connection without sending a response";
    }
    if (m.contains("connection reset")) {
      return "connection reset by the server";
    }
    if (m.contains("chunk")) {
      return "malformed chunked body from the server";
    }
    if (m.contains("status line") || m.contains("invalid header") || m.contains("bad header")) {
      return "the server's answer is not valid HTTP";
    }
    if (m.contains("eof reached") || m.contains("connection closed")) {
      return "the server closed the connection before the response was complete";
    }
    return null;
  }
}
