package dev.crawl.fetch.transport.netty;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponseDecoder;

/**
 * Netty's response decoder, with our rule for a body framed twice. With both Transfer-Encoding and
 * Content-Length the RFC lets chunked framing win, and Netty drops the length; the JDK client cuts
 * such a body at the length instead. Refused here, the response fails the same way on both
 * transports: no file rather than a file one client would have got wrong.
 */
class ResponseDecoder extends HttpResponseDecoder {
  /** The JDK client's bounds: a header block of 384 KiB, the status line within it. */
  static final int MAX_HEADERS = 384 * 1024;

  ResponseDecoder() {
    super(new HttpDecoderConfig()
        .setMaxInitialLineLength(64 * 1024)
        .setMaxHeaderSize(MAX_HEADERS)
        // the most of a body handed on at once: as much as one read brings in
        .setMaxChunkSize(64 * 1024)
        // the same length twice is one length; two different ones fail, in Framing's words
        .setAllowDuplicateContentLengths(true)
        .setValidateHeaders(false));
  }

  /**
   * For the answer to a CONNECT, which has no body whatever its headers say: what follows a 200 is
   * the tunnel, and after anything else the connection is closed.
   */
  static ResponseDecoder forConnect() {
    return new ResponseDecoder() {
      @Override
      protected boolean isContentAlwaysEmpty(HttpMessage msg) {
        return true;
      }
    };
  }

  @Override
  protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
    throw new IllegalArgumentException("both Transfer-Encoding and Content-Length");
  }
}
