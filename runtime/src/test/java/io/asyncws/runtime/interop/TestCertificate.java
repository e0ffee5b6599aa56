package io.asyncws.runtime.interop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed test certificate made by the JDK's {@code keytool} into a temporary directory:
 * a PKCS12 key store, the certificate as PEM (for Node and Python clients) and the private key
 * as PEM (for Node and Python servers; keytool cannot export keys, so it is written from the key
 * store here). Nothing of it is committed. EC P-256: generated in milliseconds, accepted by
 * every peer.
 *
 * <p>Thread rules: instances are immutable; {@link #localhost()} is safe from any thread.
 */
public final class TestCertificate {
  /** Test-only password of the generated key stores. */
  public static final String PASSWORD = "asyncws-test";
  private static final String ALIAS = "test";
  private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

  private static TestCertificate localhost;

  private final Path keyStore;
  private final Path certificatePem;
  private final Path keyPem;

  private TestCertificate(Path keyStore, Path certificatePem, Path keyPem) {
    this.keyStore = keyStore;
    this.certificatePem = certificatePem;
    this.keyPem = keyPem;
  }

  /** The certificate for {@code localhost} and {@code 127.0.0.1}, made once per test JVM. */
  public static synchronized TestCertificate localhost() {
    if (localhost == null) localhost = generate("localhost", "dns:localhost,ip:127.0.0.1");
    return localhost;
  }

  /**
   * A new certificate for {@code commonName} with the subject alternative names {@code san}
   * in keytool's syntax, e.g. {@code dns:other.example}.
   */
  public static TestCertificate generate(String commonName, String san) {
    try {
      Path dir = Files.createTempDirectory("asyncws-tls-");
      dir.toFile().deleteOnExit();
      Path p12 = dir.resolve("cert.p12");
      Path pem = dir.resolve("cert.pem");
      Path key = dir.resolve("key.pem");
      keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
          "-dname", "CN=" + commonName, "-ext", "SAN=" + san, "-validity", "2",
          "-storetype", "PKCS12", "-keystore", p12.toString(),
          "-storepass", PASSWORD, "-keypass", PASSWORD);
      keytool("-exportcert", "-rfc", "-alias", ALIAS, "-keystore", p12.toString(),
          "-storepass", PASSWORD, "-file", pem.toString());
      KeyStore store = load(p12);
      byte[] pkcs8 = store.getKey(ALIAS, PASSWORD.toCharArray()).getEncoded();
      String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
          .encodeToString(pkcs8);
      Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
      for (Path file : List.of(p12, pem, key)) file.toFile().deleteOnExit();
      return new TestCertificate(p12, pem, key);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Could not make a test certificate: " + e, e);
    }
  }

  /** The PKCS12 key store (password {@link #PASSWORD}). */
  public Path keyStore() {
    return keyStore;
  }

  /** The certificate, PEM. */
  public Path certificatePem() {
    return certificatePem;
  }

  /** The private key, PEM (PKCS#8). */
  public Path keyPem() {
    return keyPem;
  }

  /** A server context presenting this certificate. */
  public SSLContext serverContext() {
    try {
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(load(keyStore), PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Could not load " + keyStore + ": " + e, e);
    }
  }

  /** A client context trusting this certificate and nothing else, for {@code protocol}. */
  public SSLContext clientContext(String protocol) {
    try {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      Certificate certificate = load(keyStore).getCertificate(ALIAS);
      trusted.setCertificateEntry(ALIAS, certificate);
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance(protocol);
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Could not load " + keyStore + ": " + e, e);
    }
  }

  /** A client context trusting this certificate and nothing else. */
  public SSLContext clientContext() {
    return clientContext("TLS");
  }

  private static KeyStore load(Path p12) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      store.load(in, PASSWORD.toCharArray());
    }
    return store;
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
