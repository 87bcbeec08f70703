package dev.crawl.fetch.tls;

/**
 * What the command line says of TLS.
 *
 * @param caCertificate a PEM file of CA certificates trusted besides the JDK's, or null
 * @param insecure no certificate checks at all ({@code --insecure})
 * @param clientCertificate a PEM file with the certificate (chain) to present to servers that ask, or null
 * @param clientKey a PEM file with that certificate's private key; null when it sits in {@code clientCertificate}
 */
public record TlsOptions(String caCertificate, boolean insecure, String clientCertificate, String clientKey) {

  /** Nothing beyond the system's trust: the store can wait until a first https URL. */
  boolean systemTrustOnly() {
    return !insecure && caCertificate == null && clientCertificate == null;
  }
}
