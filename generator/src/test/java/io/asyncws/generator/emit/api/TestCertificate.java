package io.asyncws.generator.emit.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate made by the JDK's {@code keytool} into a temporary directory when a
 * test asks for it, never committed. The generated-code tests cannot see the runtime's test
 * harness, hence this small twin of its {@code TestCertificate}. EC P-256: made in milliseconds.
 *
 * <p>Thread rules: instances are immutable.
 */
final class TestCertificate {
  private static final String PASSWORD = "asyncws-test";
  private static final String ALIAS = "test";
  private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

  private final KeyStore keyStore;

  private TestCertificate(KeyStore keyStore) {
    this.keyStore = keyStore;
  }

  /**
   * A new certificate for {@code commonName} with the subject alternative names {@code san} in
   * keytool's syntax, e.g. {@code dns:localhost,ip:127.0.0.1}.
   */
  static TestCertificate generate(String commonName, String san) {
    try {
      Path dir = Files.createTempDirectory("asyncws-gen-tls-");
      Path p12 = dir.resolve("cert.p12");
      try {
        keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
            "-dname", "CN=" + commonName, "-ext", "SAN=" + san, "-validity", "2",
            "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
          store.load(in, PASSWORD.toCharArray());
        }
        return new TestCertificate(store);
      } finally {
        // Loaded into memory: the key file need not outlive this method.
        Files.deleteIfExists(p12);
        Files.deleteIfExists(dir);
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Could not make a test certificate: " + e, e);
    }
  }

  /** A server context presenting this certificate. */
  SSLContext serverContext() {
    try {
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore, PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not use the test key store: " + e, e);
    }
  }

  /** A client context trusting these certificates and nothing else. */
  static SSLContext trusting(TestCertificate... certificates) {
    try {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      for (int i = 0; i < certificates.length; i++) {
        trusted.setCertificateEntry(ALIAS + i, certificates[i].keyStore.getCertificate(ALIAS));
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Could not build a trust store: " + e, e);
    }
  }

  /** Runs the keytool of the JDK running the tests, bounded in time. */
  private static void keytool(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running keytool", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IOException("keytool " + args[0] + " failed (" + process.exitValue() + "): " + output);
    }
  }
}
