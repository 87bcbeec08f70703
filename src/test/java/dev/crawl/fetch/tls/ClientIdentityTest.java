package dev.crawl.fetch.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crawl.engine.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientIdentityTest {
  @TempDir Path tmp;

  private static TestCertificates tls;

  @BeforeAll
  static void makeCertificates() throws Exception {
    tls = TestCertificates.shared();
  }

  @Test
  void readsACertificateAndItsKeyFromTwoPemFiles() throws Exception {
    ClientIdentity id = ClientIdentity.read(tls.clientCertificate.toString(), tls.clientKey.toString());

    assertEquals("CN=client", id.chain.get(0).getSubjectX500Principal().getName());
    assertEquals(1, id.keyManagers().length);
  }

  @Test
  void readsTheKeyFromTheCertificateFileWhenNoKeyFileIsGiven() throws Exception {
    Path both = tmp.resolve("both.pem");
    Files.writeString(both, Files.readString(tls.clientCertificate) + Files.readString(tls.clientKey));

    assertEquals("EC", ClientIdentity.read(both.toString(), null).key.getAlgorithm());
  }

  @Test
  void refusesTheKeyOfAnotherCertificateNamingBoth() throws Exception {
    Path otherKey = pem("PRIVATE KEY", KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate().getEncoded());

    IOException e = assertThrows(IOException.class,
        () -> ClientIdentity.read(tls.clientCertificate.toString(), otherKey.toString()));

    assertTrue(e.getMessage().startsWith("the key in " + otherKey + " is not the key of the certificate in "
        + tls.clientCertificate), e.getMessage());
  }

  @Test
  void refusesAnEncryptedKeySayingHowToDecryptIt() throws Exception {
    Path encrypted = pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3});

    IOException e = assertThrows(IOException.class, () -> ClientIdentity.readKey(encrypted));

    assertTrue(e.getMessage().contains("is encrypted; decrypt it with: openssl pkcs8"), e.getMessage());
  }

  @Test
  void readsAnRsaKeyInThePkcs1FormOpensslGenrsaWrites() throws Exception {
    byte[] pkcs8 = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate().getEncoded();
    // the PKCS#8 wrapping of an RSA key is 26 bytes: sequence, version, algorithm, octet string headers
    byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);

    assertArrayEquals(pkcs8, ClientIdentity.rsaToPkcs8(pkcs1));
    assertArrayEquals(pkcs8, ClientIdentity.readKey(pem("RSA PRIVATE KEY", pkcs1)).getEncoded());
  }

  private Path pem(String type, byte[] der) throws IOException {
    return Files.writeString(Files.createTempFile(tmp, "key", ".pem"),
        "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type + "-----\n");
  }
}
