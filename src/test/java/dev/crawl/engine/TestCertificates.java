package dev.crawl.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test CA and server keystores signed by it, made with the JDK's own keytool: one for 127.0.0.1,
 * one expired, one for another host name; and a client certificate with its key. Nothing is shipped; a fresh machine makes its own.
 */
public final class TestCertificates {
  public static final String PASSWORD = "test-secret";
  public static final String CA_NAME = "crawl test CA";

  public final Path caPem;
  public final Path good;
  public final Path expired;
  public final Path otherHost;
  /** Trusts the CA alone: for a server that asks its clients for a certificate. */
  public final Path trustStore;
  /** A client certificate the CA signed, and its key, both PEM, as curl and wget take them. */
  public final Path clientCertificate;
  public final Path clientKey;

  private final Path dir;

  private TestCertificates(Path dir) throws Exception {
    this.dir = dir;
    keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + CA_NAME,
        "-ext", "bc:c", "-validity", "30", "-keystore", "ca.p12");
    keytool("-exportcert", "-alias", "ca", "-rfc", "-keystore", "ca.p12", "-file", "ca.pem");
    caPem = dir.resolve("ca.pem");
    good = server("good", List.of("-ext", "san=ip:127.0.0.1", "-validity", "30"));
    expired = server("expired", List.of("-ext", "san=ip:127.0.0.1", "-startdate", "-10d", "-validity", "2"));
    otherHost = server("other", List.of("-ext", "san=dns:other.example", "-validity", "30"));
    keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "trust.p12");
    trustStore = dir.resolve("trust.p12");
    Path client = server("client", List.of("-validity", "30"));
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(client)) {
      store.load(in, PASSWORD.toCharArray());
    }
    clientCertificate = dir.resolve("client.pem");
    clientKey = dir.resolve("client-key.pem");
    Files.writeString(clientKey, pem("PRIVATE KEY", store.getKey("server", PASSWORD.toCharArray()).getEncoded()));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + type + "-----\n";
  }

  public static TestCertificates makeIn(Path dir) throws Exception {
    return new TestCertificates(dir);
  }

  /**
   * One set for every test class of the JVM: none changes them, and each set costs about fifteen
   * keytool runs (seconds on a busy machine). Removed when the JVM ends.
   */
  public static synchronized TestCertificates shared() throws Exception {
    if (shared == null) {
      Path dir = Files.createTempDirectory("crawl-test-certificates");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try (var files = Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
          // a temporary directory left behind
        }
      }));
      shared = new TestCertificates(dir);
    }
    return shared;
  }

  private static TestCertificates shared;

  /** The PEM certificate of one of the servers ({@code good}, {@code expired}, {@code other}), the CA's not included. */
  public Path certificateOf(String server) {
    return dir.resolve(server + ".pem");
  }

  /** A PKCS12 keystore holding a server key and its certificate, signed by the CA as told. */
  private Path server(String name, List<String> signing) throws Exception {
    String store = name + ".p12";
    keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
        "-validity", "30", "-keystore", store);
    keytool("-certreq", "-alias", "server", "-keystore", store, "-file", name + ".csr");
    List<String> sign = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-rfc",
        "-infile", name + ".csr", "-outfile", name + ".pem"));
    sign.addAll(signing);
    keytool(sign.toArray(String[]::new));
    keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", store);
    keytool("-importcert", "-noprompt", "-alias", "server", "-file", name + ".pem", "-keystore", store);
    return dir.resolve(store);
  }

  private void keytool(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
    Path log = dir.resolve("keytool.log");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("keytool " + String.join(" ", args) + " failed:\n" + Files.readString(log));
    }
  }
}
