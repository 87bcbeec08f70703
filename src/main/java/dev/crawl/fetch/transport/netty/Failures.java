package dev.crawl.fetch.transport.netty;

import dev.crawl.fetch.http.FetchException;
import dev.crawl.fetch.http.Framing;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.TooLongFrameException;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * What went wrong, as the download's reasons expect it: the JDK client's exception types where the
 * reason depends on the type (timeouts, refused connections, TLS), and our own wording, as {@link
 * FetchException}, for what the server sent or failed to send. The same fault reads the same on
 * either transport.
 */
final class Failures {
  private Failures() {}

  /**
   * A connection that had served an exchange was closed or reset before any of the next response:
   * the server had closed it while it sat in the pool. Sent again, once, on a new connection.
   */
  static final class Stale extends IOException {
    Stale(Throwable cause) {
      super("a pooled connection was closed by the server", cause);
    }
  }

  static IOException connecting(Throwable cause) {
    if (cause instanceof ConnectTimeoutException) {
      return new HttpConnectTimeoutException("HTTP connect timed out");
    }
    return io(cause);
  }

  /** The head could not be read: the server's bytes, or their absence, say why. */
  static IOException head(Throwable cause, HttpHeaders headersSoFar) {
    if (cause instanceof PrematureChannelClosureException) {
      return new FetchException("the server closed the connection without sending a response", true);
    }
    if (cause instanceof TooLongFrameException) {
      return FetchException.headTooLong(cause.getMessage());
    }
    if (headersSoFar != null) {
      try {
        // two Content-Lengths, chunked with a Content-Length: our rule, in our words
        Framing.declaredLength(headersSoFar);
      } catch (FetchException framing) {
        return framing;
      }
    }
    return new FetchException("the server's answer is not valid HTTP", true);
  }

  /** The body could not be read to its end. */
  static IOException body(Throwable cause) {
    if (cause instanceof DecoderException || cause instanceof NumberFormatException
        || cause instanceof IllegalArgumentException) {
      return new FetchException("malformed chunked body from the server", true);
    }
    return io(cause);
  }

  static FetchException closedDuringBody(long received, long declared, boolean chunked) {
    if (chunked) {
      return FetchException.disconnected(
          "malformed chunked body from the server: the connection closed before its last chunk");
    }
    return declared >= 0
        ? FetchException.disconnected("connection closed after " + received + " of " + declared
            + " bytes: the body is shorter than its Content-Length")
        : FetchException.disconnected("the server closed the connection before the response was complete");
  }

  private static final java.util.regex.Pattern OPENSSL_ALERT =
      java.util.regex.Pattern.compile("(?:TLSV1|SSLV3|TLSV13)_ALERT_([A-Z_]+)");

  static IOException io(Throwable cause) {
    for (Throwable c = cause; c != null; c = c.getCause()) {
      // BoringSSL names an alert in its error string; the reasons read the JDK's wording
      String m = String.valueOf(c.getMessage());
      java.util.regex.Matcher alert = OPENSSL_ALERT.matcher(m);
      if (alert.find() || m.contains("SSL routines")) {
        javax.net.ssl.SSLHandshakeException e = new javax.net.ssl.SSLHandshakeException(alert.find(0)
            ? "Received fatal alert: " + alert.group(1).toLowerCase(Locale.ROOT)
            : m);
        e.initCause(cause);
        return e;
      }
    }
    if (cause instanceof SSLException || cause.getCause() instanceof SSLException) {
      return cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
    }
    String m = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
    if (m.contains("connection reset")) {
      return new FetchException("connection reset by the server", true);
    }
    if (cause instanceof IOException io) {
      return io;
    }
    return new IOException(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
  }
}
