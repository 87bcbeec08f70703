package dev.crawl.fetch.tls;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crawl.engine.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS set-up on its own, without a server: which chains the trust built from the options
 * accepts, how a refusal reads, and what is shown to a server that asks for a client certificate.
 */
class TlsTest {
  @TempDir Path dir;
  private static TestCertificates certs;

  @BeforeAll
  static void takeCertificates() throws Exception {
    certs = TestCertificates.shared();
  }

  private static TlsOptions options(String ca, boolean insecure) {
    return new TlsOptions(ca, insecure, null, null);
  }

  /** A server's chain as it would send it: its certificate, then the CA's. */
  private static X509Certificate[] chain(String server) throws IOException {
    List<X509Certificate> chain = new ArrayList<>(Tls.readCertificates(certs.certificateOf(server)));
    chain.addAll(Tls.readCertificates(certs.caPem));
    return chain.toArray(X509Certificate[]::new);
  }

  @Test
  void aCaFileMakesTheServersItSignedTrusted() throws Exception {
    X509ExtendedTrustManager trust = Tls.trust(options(certs.caPem.toString(), false));

    assertDoesNotThrow(() -> trust.checkServerTrusted(chain("good"), "ECDHE_ECDSA"));
  }

  @Test
  void withoutItsCaAServerIsRefusedInOneLineThatSaysWhatToDo() throws Exception {
    X509ExtendedTrustManager trust = Tls.trust(options(null, false));

    Tls.Refused refused = assertThrows(Tls.Refused.class, () -> trust.checkServerTrusted(chain("good"), "ECDHE_ECDSA"));

    assertEquals("the certificate for good is not trusted: it was issued by " + TestCertificates.CA_NAME
        + "; trust that CA with --ca-certificate FILE, or skip the check with --insecure", refused.getMessage());
  }

  @Test
  void anExpiredCertificateIsRefusedSayingSinceWhen() throws Exception {
    X509ExtendedTrustManager trust = Tls.trust(options(certs.caPem.toString(), false));

    Tls.Refused refused = assertThrows(Tls.Refused.class,
        () -> trust.checkServerTrusted(chain("expired"), "ECDHE_ECDSA"));

    assertTrue(refused.getMessage().matches("the certificate for expired expired on \\d{4}-\\d\\d-\\d\\d \\(--insecure skips the check\\)"),
        refused.getMessage());
  }

  @Test
  void insecureTrustsAnyChainAtAll() throws Exception {
    X509ExtendedTrustManager trust = Tls.trust(options(null, true));

    assertDoesNotThrow(() -> trust.checkServerTrusted(chain("expired"), "ECDHE_ECDSA"));
  }

  @Test
  void aCaFileWithNoCertificateInItFailsBeforeAnyDownload() throws Exception {
    Path notPem = Files.writeString(dir.resolve("not-a-ca.pem"), "this is not a certificate\n");

    IOException e = assertThrows(IOException.class, () -> Tls.trust(options(notPem.toString(), false)));

    assertTrue(e.getMessage().contains("not-a-ca.pem"), e.getMessage());
  }

  @Test
  void aClientCertificateIsShownOnlyWhenOneWasGiven() throws Exception {
    assertNull(Tls.identity(options(null, false)));

    assertNotNull(Tls.identity(new TlsOptions(null, false, certs.clientCertificate.toString(), certs.clientKey.toString())));
  }

  @Test
  void onlyTheSystemsTrustLeavesTheStoreForTheFirstHttpsUrl() throws Exception {
    assertTrue(options(null, false).systemTrustOnly());
    assertEquals(LazyTls.systemTrust().getClass(), Tls.context(options(null, false)).getClass(), "a lazy context");
    assertTrue(!options(certs.caPem.toString(), false).systemTrustOnly());
  }
}
