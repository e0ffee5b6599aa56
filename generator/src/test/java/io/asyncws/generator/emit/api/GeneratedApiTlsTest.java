package io.asyncws.generator.emit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated Kraken client and server over {@code wss://} on 127.0.0.1 with certificates made
 * by keytool for the run. The scenarios live in {@code e2e/KrakenTlsScenario.java}, compiled once
 * with the generated code and run one per test.
 */
@Tag("sockets")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GeneratedApiTlsTest {
  @TempDir static Path dir;
  private static Object scenario;

  @BeforeAll
  static void compileScenarioWithGeneratedKraken() throws Exception {
    TestCertificate local = TestCertificate.generate("127.0.0.1", "ip:127.0.0.1,dns:localhost");
    TestCertificate otherHost = TestCertificate.generate("other.example", "dns:other.example");
    ApiCompiler.generate(GeneratedApiEndToEndTest.KRAKEN, "com.example.kraken", SourceGenerator.Parts.ALL,
        Perspective.SERVER, dir);
    List<Path> sources = new ArrayList<>(ApiCompiler.javaFiles(dir.resolve("src")));
    sources.add(GeneratedApiEndToEndTest.API.resolve("e2e/KrakenTlsScenario.java"));
    ClassLoader loader = ApiCompiler.compile(sources, dir);
    scenario = loader.loadClass("com.example.kraken.KrakenTlsScenario")
        .getConstructor(SSLContext.class, SSLContext.class, SSLContext.class)
        .newInstance(local.serverContext(), otherHost.serverContext(), TestCertificate.trusting(local, otherHost));
  }

  @Test
  void generatedClientPingsGeneratedServerOverWss() throws Exception {
    assertEquals("ok", run("generatedClientPingsGeneratedServerOverWss"));
  }

  @Test
  void jdkClientPingsGeneratedServerOverWss() throws Exception {
    assertEquals("ok", run("jdkClientPingsGeneratedServerOverWss"));
  }

  @Test
  void generatedClientRefusesCertificateForAnotherHost() throws Exception {
    assertEquals("ok", run("generatedClientRefusesCertificateForAnotherHost"));
  }

  @Test
  void generatedClientRefusesUntrustedCertificate() throws Exception {
    assertEquals("ok", run("generatedClientRefusesUntrustedCertificate"));
  }

  @Test
  void generatedClientWithTlsContextConnectsPlainToWsUrl() throws Exception {
    assertEquals("ok", run("generatedClientWithTlsContextConnectsPlainToWsUrl"));
  }

  /** Runs one scenario method, rethrowing its own failure rather than the reflection wrapper. */
  private static Object run(String method) throws Exception {
    try {
      return scenario.getClass().getMethod(method).invoke(scenario);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) throw cause;
      if (e.getCause() instanceof Error error) throw error;
      throw e;
    }
  }
}
