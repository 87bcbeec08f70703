package dev.crawl.fetch.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How HTTPS servers are trusted: the JDK's trust store plus any {@code --ca-certificate}, or nothing
 * checked with {@code --insecure}; and the client certificate shown to servers that ask for one. A certificate the checks refuse fails with a reason naming it
 * (subject, issuer, dates, names), where the JDK would say "PKIX path building failed".
 */
public final class Tls {
  private Tls() {}

  /** A certificate refused, with the one line users see; never worth another attempt. */
  public static final class Refused extends CertificateException {
    Refused(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * How servers are checked, for a TLS stack other than the JDK's context (Netty's OpenSSL).
   *
   * @throws IOException when {@code --ca-certificate} cannot be read or holds no certificate
   */
  public static X509ExtendedTrustManager trust(TlsOptions s) throws IOException {
    try {
      return s.insecure() ? new TrustAll() : new Checked(trustManagers(s.caCertificate()));
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** What is shown to a server that asks for a client certificate; null when none was given. */
  public static KeyManager identity(TlsOptions s) throws IOException {
    try {
      return s.clientCertificate() == null ? null : ClientIdentity.read(s.clientCertificate(), s.clientKey()).keyManagers()[0];
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /**
   * The context for a fetcher.
   *
   * @throws IOException when {@code --ca-certificate} cannot be read or holds no certificate
   */
  public static SSLContext context(TlsOptions s) throws IOException {
    if (s.systemTrustOnly()) {
      // a file named on the command line is read at once, so a bad one fails the run's start; the
      // system's store is loaded when a first https URL needs it
      return LazyTls.systemTrust();
    }
    try {
      KeyManager[] identity = s.clientCertificate() == null
          ? null
          : ClientIdentity.read(s.clientCertificate(), s.clientKey()).keyManagers();
      return contextOf(s.insecure() ? new TrustAll() : new Checked(trustManagers(s.caCertificate())), identity);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /**
   * The context for the system's trust store alone, made once per JVM: loading the store is most of
   * it (about 140 certificates, 0.1 s cold), and {@code WarmUp} does that while the command line
   * is parsed.
   */
  public static SSLContext systemTrust() throws IOException {
    try {
      return SystemTrust.CONTEXT;
    } catch (ExceptionInInitializerError e) {
      throw new IOException("cannot set up TLS: " + e.getCause().getMessage(), e.getCause());
    }
  }

  private static final class SystemTrust {
    static final SSLContext CONTEXT;

    static {
      try {
        CONTEXT = contextOf(new Checked(List.of(defaultTrust(null))), null);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
  }

  /** @param identity what to present to a server that asks for a client certificate; null for nothing */
  private static SSLContext contextOf(X509ExtendedTrustManager trust, KeyManager[] identity)
      throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(identity, new javax.net.ssl.TrustManager[] {trust}, null);
    return context;
  }

  /** The certificates of a PEM (or DER) file, checked at start-up so a bad file is one clear line. */
  public static List<X509Certificate> readCertificates(Path file) throws IOException {
    try (InputStream in = certificatesOnly(file)) {
      Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
      List<X509Certificate> certs = new ArrayList<>();
      for (Certificate c : read) {
        certs.add((X509Certificate) c);
      }
      if (certs.isEmpty()) {
        throw new IOException("no certificate in " + file);
      }
      return certs;
    } catch (CertificateException e) {
      throw new IOException("not a PEM certificate file: " + file + " (" + e.getMessage() + ")", e);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IOException("no such file: " + file, e);
    }
  }

  /** The JDK's reader stops at the first block that is not a certificate: a key beside them, say. */
  private static InputStream certificatesOnly(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    List<Pem.Block> blocks = Pem.blocks(new String(bytes, StandardCharsets.ISO_8859_1));
    if (blocks.isEmpty()) {
      return new ByteArrayInputStream(bytes); // DER, or not a certificate file at all
    }
    StringBuilder certs = new StringBuilder();
    blocks.stream().filter(b -> b.type().equals("CERTIFICATE")).forEach(b -> certs.append(b.text()));
    return new ByteArrayInputStream(certs.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  private static List<X509ExtendedTrustManager> trustManagers(String caFile) throws IOException, GeneralSecurityException {
    List<X509ExtendedTrustManager> managers = new ArrayList<>();
    managers.add(defaultTrust(null));
    if (caFile != null) {
      KeyStore extra = KeyStore.getInstance(KeyStore.getDefaultType());
      extra.load(null, null);
      int i = 0;
      for (X509Certificate c : readCertificates(Path.of(caFile))) {
        extra.setCertificateEntry("ca-" + i++, c);
      }
      managers.add(defaultTrust(extra));
    }
    return managers;
  }

  private static X509ExtendedTrustManager defaultTrust(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    f.init(store);
    for (javax.net.ssl.TrustManager tm : f.getTrustManagers()) {
      if (tm instanceof X509ExtendedTrustManager x) {
        return x;
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager");
  }

  /** Trusted if any of the stores trusts the chain; the host name is checked as the JDK does. */
  private static final class Checked extends X509ExtendedTrustManager {
    private final List<X509ExtendedTrustManager> managers;

    Checked(List<X509ExtendedTrustManager> managers) {
      this.managers = managers;
    }

    // the engine's variant is the one the HTTP client uses: it also compares the host name
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      check(chain, m -> m.checkServerTrusted(chain, authType, engine), engine == null ? null : engine.getPeerHost());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      check(chain, m -> m.checkServerTrusted(chain, authType, socket), null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      check(chain, m -> m.checkServerTrusted(chain, authType), null);
    }

    private interface Check {
      void run(X509ExtendedTrustManager m) throws CertificateException;
    }

    private void check(X509Certificate[] chain, Check check, String host) throws CertificateException {
      CertificateException last = null;
      for (X509ExtendedTrustManager m : managers) {
        try {
          check.run(m);
          return;
        } catch (CertificateException e) {
          last = e;
        }
      }
      throw explain(chain, last, host);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      throw new CertificateException("not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      throw new CertificateException("not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("not a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return managers.stream().flatMap(m -> java.util.Arrays.stream(m.getAcceptedIssuers())).toArray(X509Certificate[]::new);
    }
  }

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

  /** The refusal in words: expired, not yet valid, for another name, or not trusted. */
  static Refused explain(X509Certificate[] chain, CertificateException e, String host) {
    X509Certificate leaf = chain == null || chain.length == 0 ? null : chain[0];
    String who = leaf == null ? "the server's certificate" : "the certificate for " + name(leaf.getSubjectX500Principal().getName());
    if (leaf != null) {
      try {
        leaf.checkValidity();
      } catch (CertificateExpiredException expired) {
        return new Refused(who + " expired on " + day(leaf.getNotAfter()) + " (--insecure skips the check)", e);
      } catch (CertificateNotYetValidException early) {
        return new Refused(who + " is not valid before " + day(leaf.getNotBefore()) + " (--insecure skips the check)", e);
      }
    }
    String msg = e == null || e.getMessage() == null ? "" : e.getMessage();
    if (msg.contains("No subject alternative") || msg.contains("No name matching")) {
      return new Refused(who + " does not name " + (host == null ? "this host" : host) + names(leaf)
          + " (--insecure skips the check)", e);
    }
    String issuer = leaf == null ? "?" : name(chain[chain.length - 1].getIssuerX500Principal().getName());
    return new Refused(who + " is not trusted: it was issued by " + issuer
        + "; trust that CA with --ca-certificate FILE, or skip the check with --insecure", e);
  }

  private static String names(X509Certificate leaf) {
    try {
      if (leaf == null || leaf.getSubjectAlternativeNames() == null) {
        return "";
      }
      List<String> names = new ArrayList<>();
      for (List<?> san : leaf.getSubjectAlternativeNames()) {
        names.add(String.valueOf(san.get(1)));
      }
      return " (it names " + String.join(", ", names) + ")";
    } catch (CertificateException ignored) {
      return "";
    }
  }

  private static String name(String dn) {
    String cn = null;
    for (String part : dn.split(",")) {
      if (part.strip().startsWith("CN=")) {
        cn = part.strip().substring(3);
      }
    }
    return cn == null ? dn : cn;
  }

  private static String day(java.util.Date d) {
    return DAY.format(d.toInstant().atZone(ZoneOffset.UTC));
  }

  /** {@code --insecure}: every certificate accepted, host names not compared. */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
