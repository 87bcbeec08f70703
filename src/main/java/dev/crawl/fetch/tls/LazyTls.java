package dev.crawl.fetch.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A TLS context that becomes the system's only when a first HTTPS connection asks for it. The JDK
 * client wants a context when it is built, also for a list of http URLs, and JSSE with the trust
 * store costs a fresh JVM 0.2-0.3 s of CPU: paid by every worker of {@code processes} mode, for
 * nothing. Clients given this context must be given {@link #parameters()} too: asking the context
 * for its defaults would load it.
 */
public final class LazyTls extends SSLContextSpi {
  /**
   * The JDK client's own defaults, without asking a context: TLS 1.3 and 1.2 (the client offers
   * HTTP/2 only when one of them is named), and no suites named, so each engine keeps its defaults.
   */
  public static SSLParameters parameters() {
    SSLParameters p = new SSLParameters();
    p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
    return p;
  }

  /** Makes the real context. */
  interface Loader {
    SSLContext load() throws IOException;
  }

  private final Loader loader;
  private volatile SSLContext real;

  private LazyTls(Loader loader) {
    this.loader = loader;
  }

  /** The system's trust, loaded on first use. */
  static SSLContext systemTrust() {
    return of(Tls::systemTrust);
  }

  static SSLContext of(Loader loader) {
    return new SSLContext(new LazyTls(loader), null, "TLS") {};
  }

  private SSLContext real() {
    SSLContext r = real;
    if (r == null) {
      try {
        // made once per JVM (Tls.systemTrust), so two threads racing here get the same context
        r = real = loader.load();
      } catch (IOException e) {
        // surfaces as the connection's failure, with the reason
        throw new UncheckedIOException(e);
      }
    }
    return r;
  }

  @Override
  protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) {
    throw new UnsupportedOperationException("already set up: the system's trust");
  }

  @Override
  protected SSLSocketFactory engineGetSocketFactory() {
    return real().getSocketFactory();
  }

  @Override
  protected SSLServerSocketFactory engineGetServerSocketFactory() {
    return real().getServerSocketFactory();
  }

  @Override
  protected SSLEngine engineCreateSSLEngine() {
    return real().createSSLEngine();
  }

  @Override
  protected SSLEngine engineCreateSSLEngine(String host, int port) {
    return real().createSSLEngine(host, port);
  }

  @Override
  protected SSLSessionContext engineGetServerSessionContext() {
    return real().getServerSessionContext();
  }

  @Override
  protected SSLSessionContext engineGetClientSessionContext() {
    return real().getClientSessionContext();
  }

  @Override
  protected SSLParameters engineGetDefaultSSLParameters() {
    return real().getDefaultSSLParameters();
  }

  @Override
  protected SSLParameters engineGetSupportedSSLParameters() {
    return real().getSupportedSSLParameters();
  }
}
