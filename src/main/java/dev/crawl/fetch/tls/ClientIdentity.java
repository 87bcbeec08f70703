package dev.crawl.fetch.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/**
 * The certificate and key crawl presents to servers that ask for one (mutual TLS), read from the PEM
 * files curl and wget take. Read at start-up, so a wrong file or a key of another certificate is one
 * line before anything is fetched, not a handshake failure on every URL.
 */
public final class ClientIdentity {
  private static final char[] IN_MEMORY = new char[0];

  final List<X509Certificate> chain;
  final PrivateKey key;

  private ClientIdentity(List<X509Certificate> chain, PrivateKey key) {
    this.chain = chain;
    this.key = key;
  }

  /**
   * @param keyFile null when the key sits in the certificate file, as curl allows
   * @throws IOException with the one line a user sees
   */
  public static ClientIdentity read(String certificateFile, String keyFile) throws IOException {
    Path certs = Path.of(certificateFile);
    Path keys = keyFile == null ? certs : Path.of(keyFile);
    List<X509Certificate> chain = Tls.readCertificates(certs);
    PrivateKey key = readKey(keys);
    if (!belongTogether(chain.get(0), key)) {
      throw new IOException("the key in " + keys + " is not the key of the certificate in " + certs
          + " (" + chain.get(0).getSubjectX500Principal().getName() + ")");
    }
    return new ClientIdentity(chain, key);
  }

  KeyManager[] keyManagers() throws GeneralSecurityException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("client", key, IN_MEMORY, chain.toArray(X509Certificate[]::new));
      KeyManagerFactory f = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      f.init(store, IN_MEMORY);
      return f.getKeyManagers();
    } catch (IOException e) {
      throw new GeneralSecurityException(e.getMessage(), e);
    }
  }

  static PrivateKey readKey(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      throw new IOException("no such file: " + file, e);
    }
    for (Pem.Block block : Pem.blocks(text)) {
      switch (block.type()) {
        case "PRIVATE KEY" -> {
          return pkcs8(der(block, file), file);
        }
        case "RSA PRIVATE KEY" -> {
          if (block.body().contains("ENCRYPTED")) {
            throw encrypted(file);
          }
          return pkcs8(rsaToPkcs8(der(block, file)), file);
        }
        case "ENCRYPTED PRIVATE KEY" -> throw encrypted(file);
        case "EC PRIVATE KEY" -> throw new IOException("the EC key in " + file
            + " is in the older SEC1 form; convert it with: openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem");
        default -> { /* a certificate or parameters beside the key */ }
      }
    }
    throw new IOException("no PEM private key (BEGIN PRIVATE KEY) in " + file);
  }

  private static IOException encrypted(Path file) {
    return new IOException("the key in " + file + " is encrypted; decrypt it with: openssl pkcs8 -in " + file
        + " -out key.pem (or openssl rsa for an RSA key)");
  }

  private static byte[] der(Pem.Block block, Path file) throws IOException {
    byte[] der = block.der();
    if (der == null) {
      throw new IOException("the key in " + file + " is not valid base64");
    }
    return der;
  }

  private static PrivateKey pkcs8(byte[] der, Path file) throws IOException {
    for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException notThisOne) {
        // the next algorithm
      }
    }
    throw new IOException("the key in " + file + " is not an RSA, EC or EdDSA key crawl can read");
  }

  /** PKCS#1 (what {@code openssl genrsa} writes) wrapped as the PKCS#8 the JDK reads. */
  static byte[] rsaToPkcs8(byte[] pkcs1) {
    byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    byte[] version = {0x02, 0x01, 0x00};
    byte[] octets = der(0x04, pkcs1);
    byte[] inner = new byte[version.length + algorithm.length + octets.length];
    System.arraycopy(version, 0, inner, 0, version.length);
    System.arraycopy(algorithm, 0, inner, version.length, algorithm.length);
    System.arraycopy(octets, 0, inner, version.length + algorithm.length, octets.length);
    return der(0x30, inner);
  }

  private static byte[] der(int tag, byte[] content) {
    byte[] length = content.length < 0x80
        ? new byte[] {(byte) content.length}
        : lengthBytes(content.length);
    byte[] out = new byte[1 + length.length + content.length];
    out[0] = (byte) tag;
    System.arraycopy(length, 0, out, 1, length.length);
    System.arraycopy(content, 0, out, 1 + length.length, content.length);
    return out;
  }

  private static byte[] lengthBytes(int n) {
    byte[] digits = BigInteger.valueOf(n).toByteArray();
    int skip = digits[0] == 0 ? 1 : 0;
    byte[] out = new byte[1 + digits.length - skip];
    out[0] = (byte) (0x80 | (digits.length - skip));
    System.arraycopy(digits, skip, out, 1, digits.length - skip);
    return out;
  }

  /** Whether the key signs what the certificate's public key verifies. */
  private static boolean belongTogether(X509Certificate cert, PrivateKey key) {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default -> key.getAlgorithm();
    };
    try {
      byte[] probe = "crawl".getBytes(StandardCharsets.US_ASCII);
      Signature sign = Signature.getInstance(algorithm);
      sign.initSign(key);
      sign.update(probe);
      byte[] signature = sign.sign();
      Signature verify = Signature.getInstance(algorithm);
      verify.initVerify(cert.getPublicKey());
      verify.update(probe);
      return verify.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
