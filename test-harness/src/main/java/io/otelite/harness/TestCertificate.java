package io.otelite.harness;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate and its key, made by the JDK's {@code keytool} for this test run only,
 * for {@code 127.0.0.1}: as a PKCS#12 key store (for a server), as the PEM files the OTLP exporter
 * settings take, and as TLS contexts.
 */
public final class TestCertificate {
  private static final char[] PASSWORD = "test-only".toCharArray();

  private final Path keyStore;
  private final Path certificatePem;
  private final Path privateKeyPem;

  private TestCertificate(Path keyStore, Path certificatePem, Path privateKeyPem) {
    this.keyStore = keyStore;
    this.certificatePem = certificatePem;
    this.privateKeyPem = privateKeyPem;
  }

  /** A new certificate and key in {@code directory}, named {@code name} (also its CN). */
  public static TestCertificate generate(Path directory, String name) throws Exception {
    Path keyStore = directory.resolve(name + ".p12");
    keytool(
        "-genkeypair",
        "-alias",
        name,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-validity",
        "2",
        "-dname",
        "CN=" + name,
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-keystore",
        keyStore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        new String(PASSWORD));
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, PASSWORD);
    }
    Certificate certificate = store.getCertificate(name);
    Key key = store.getKey(name, PASSWORD);
    Path certificatePem = directory.resolve(name + ".crt.pem");
    Path privateKeyPem = directory.resolve(name + ".key.pem");
    Files.writeString(certificatePem, pem("CERTIFICATE", certificate.getEncoded()));
    Files.writeString(privateKeyPem, pem("PRIVATE KEY", key.getEncoded())); // PKCS#8
    return new TestCertificate(keyStore, certificatePem, privateKeyPem);
  }

  /**
   * A TLS context that presents this certificate and trusts only {@code trusted} (none: trusts
   * nobody).
   */
  public SSLContext serverContext(List<TestCertificate> trusted) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, PASSWORD);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    for (TestCertificate certificate : trusted) {
      KeyStore other = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(certificate.keyStore)) {
        other.load(in, PASSWORD);
      }
      String alias = other.aliases().nextElement();
      trust.setCertificateEntry(alias, other.getCertificate(alias));
    }
    TrustManagerFactory trustManagers =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trustManagers.getTrustManagers(), null);
    return context;
  }

  /**
   * A TLS context for both ends of a test connection: it presents a new certificate and trusts only
   * that one.
   */
  public static SSLContext selfTrustingContext() throws Exception {
    TestCertificate certificate = generate(Files.createTempDirectory("otelite-tls"), "server");
    return certificate.serverContext(List.of(certificate));
  }

  /** The PKCS#12 key store, password-protected with a test-only password. */
  public Path keyStore() {
    return keyStore;
  }

  /** The certificate, PEM (as {@code OTEL_EXPORTER_OTLP_CERTIFICATE} takes it). */
  public Path certificatePem() {
    return certificatePem;
  }

  /** The private key, PKCS#8 PEM (as {@code OTEL_EXPORTER_OTLP_CLIENT_KEY} takes it). */
  public Path privateKeyPem() {
    return privateKeyPem;
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static void keytool(String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("keytool failed: " + output);
    }
  }
}
