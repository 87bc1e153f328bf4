package io.cellpilot.opcua.security;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.opcua.client.ConnectionState;
import io.cellpilot.opcua.client.OpcUaPlcClient;
import io.cellpilot.opcua.config.PlcConfig;
import io.cellpilot.opcua.config.TagConfig;
import io.cellpilot.opcua.testserver.TestPki;
import io.cellpilot.opcua.testserver.TestPlcServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway refuses servers it cannot trust, says precisely why, and trusts a server as soon as the integrator
 * moves its certificate from rejected/ to trusted/ (no restart).
 */
class CertificateTrustTest {
  static final String SERVER_URI = "urn:cellpilot:test:plc-server";

  @TempDir
  Path dir;

  @Test
  void anUntrustedServerIsRejectedAndMovingItsFileToTrustedLetsTheNextAttemptConnect() throws Exception {
    try (TestPlcServer plc = TestPlcServer.start(dir.resolve("plc-pki"));
         OpcUaPlcClient client = new OpcUaPlcClient(config(plc))) {
      client.start();
      Path rejected = dir.resolve("pki/rejected/certs");
      await().atMost(20, SECONDS).until(() -> listing(rejected).size() == 1);
      await().atMost(10, SECONDS).until(() -> client.status().detail().contains("not in the trust list"));
      String detail = client.status().detail();
      Path file = listing(rejected).get(0);
      assertTrue(detail.contains(file.toString()), "names the file to move: " + detail);
      assertTrue(detail.contains(dir.resolve("pki/trusted/certs").toString()), "names where: " + detail);
      assertTrue(detail.contains("Bad_SecurityChecksFailed") || detail.contains("Bad_CertificateUntrusted"), detail);
      assertFalse(client.status().isConnected());

      Files.move(file, dir.resolve("pki/trusted/certs").resolve(file.getFileName()));
      await().atMost(40, SECONDS).until(() -> client.status().isConnected());
      await().atMost(10, SECONDS).until(() -> client.current("counter").isGood());
    }
  }

  @Test
  void anExpiredServerCertificateIsRejectedEvenWhenTrusted() throws Exception {
    Instant now = Instant.now();
    ApplicationCertificate expired = certificate(SERVER_URI, now.minus(Duration.ofDays(400)),
        now.minus(Duration.ofDays(35)));
    TestPki.trust(expired.certificate(), dir.resolve("pki"), "plc.der");
    assertRejected(TestPlcServer.startWith(dir.resolve("plc-pki"), expired, SERVER_URI),
        "Bad_CertificateTimeInvalid", "expired");
  }

  @Test
  void aCertificateForAnotherApplicationUriIsRejectedEvenWhenTrusted() throws Exception {
    Instant now = Instant.now();
    ApplicationCertificate other = certificate("urn:somebody:else", now.minus(Duration.ofDays(1)),
        now.plus(Duration.ofDays(30)));
    TestPki.trust(other.certificate(), dir.resolve("pki"), "plc.der");
    assertRejected(TestPlcServer.startWith(dir.resolve("plc-pki"), other, SERVER_URI),
        "Bad_CertificateUriInvalid", "urn:somebody:else");
  }

  private void assertRejected(TestPlcServer plc, String status, String words) {
    try (plc; OpcUaPlcClient client = new OpcUaPlcClient(config(plc))) {
      client.start();
      await().atMost(20, SECONDS).until(() -> client.status().detail().contains(status));
      String detail = client.status().detail();
      assertTrue(detail.contains(words), detail);
      assertEquals(ConnectionState.CONNECTING, client.status().state());
      assertFalse(client.current("counter").isGood());
    }
  }

  private PlcConfig config(TestPlcServer plc) {
    return PlcConfig.builder("plc").endpoint(plc.endpoint()).pkiDir(dir.resolve("pki"))
        .tag(TagConfig.builder("counter").nodeId("nsu=" + TestPlcServer.NAMESPACE + ";s=Plant/Counter"))
        .build();
  }

  static ApplicationCertificate certificate(String applicationUri, Instant from, Instant to) throws Exception {
    KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
    X509Certificate certificate = new SelfSignedCertificateGenerator().generateSelfSigned(keyPair, Date.from(from),
        Date.from(to), "test-plc", "CellPilot tests", null, null, null, null, applicationUri,
        List.of("localhost"), List.of("127.0.0.1"), SelfSignedCertificateBuilder.SA_SHA256_RSA);
    return new ApplicationCertificate(keyPair, certificate);
  }

  private static List<Path> listing(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }
}
