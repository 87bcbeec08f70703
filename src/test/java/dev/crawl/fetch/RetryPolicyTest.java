package dev.crawl.fetch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crawl.fetch.http.FetchException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** What is worth asking again: a transient failure is, a permanent one is not. */
class RetryPolicyTest {
  @Test
  void aNameThatDoesNotResolveIsNotRetried() {
    // how the JDK client reports it: a ConnectException around UnresolvedAddressException
    ConnectException unresolved = new ConnectException();
    unresolved.initCause(new UnresolvedAddressException());

    assertFalse(Download.isRetryable(unresolved));
  }

  @Test
  void aRejectedCertificateIsNotRetried() {
    assertFalse(Download.isRetryable(new SSLHandshakeException("PKIX path building failed")));
  }

  @Test
  void aRefusedConnectionIsRetried() {
    assertTrue(Download.isRetryable(new ConnectException("Connection refused")));
  }

  @Test
  void timeoutsCountAsSilenceAndOtherFailuresDoNot() {
    assertTrue(Download.isSilence(new HttpTimeoutException("request timed out")));
    assertTrue(Download.isSilence(FetchException.silence("timed out: no data")));
    assertFalse(Download.isSilence(new ConnectException("Connection refused")));
    assertFalse(Download.isSilence(new FetchException("corrupt gzip body", false)));
  }
}
