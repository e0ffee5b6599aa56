package io.asyncws.samples.echo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS options of {@code echo.jar}: a PKCS12 key store for the server ({@code
 * --tls-keystore}), a PKCS12 trust store for the client ({@code --tls-truststore}), one
 * password ({@code --tls-password}). Without them the server speaks plain {@code ws://} and the
 * client trusts the JDK's default CAs.
 *
 * @param keyStore the server's certificate and key, or null
 * @param trustStore the certificates the client trusts, or null
 * @param password the password of either store; empty when not given
 */
record TlsFiles(Path keyStore, Path trustStore, String password) {
  static final TlsFiles NONE = new TlsFiles(null, null, "");

  TlsFiles withKeyStore(String file) {
    return new TlsFiles(Path.of(file), trustStore, password);
  }

  TlsFiles withTrustStore(String file) {
    return new TlsFiles(keyStore, Path.of(file), password);
  }

  TlsFiles withPassword(String value) {
    return new TlsFiles(keyStore, trustStore, value);
  }

  /** The server's context presenting the key store's certificate. */
  SSLContext serverContext() throws IOException, GeneralSecurityException {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(load(keyStore), password.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  /** The client's context trusting the trust store's certificates (instead of the default CAs). */
  SSLContext clientContext() throws IOException, GeneralSecurityException {
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(load(trustStore));
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private KeyStore load(Path file) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password.toCharArray());
    }
    return store;
  }
}
