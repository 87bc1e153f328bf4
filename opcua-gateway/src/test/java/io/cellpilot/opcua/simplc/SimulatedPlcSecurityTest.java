package io.cellpilot.opcua.simplc;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.opcua.client.OpcUaPlcClient;
import io.cellpilot.opcua.client.TagValue;
import io.cellpilot.opcua.client.TagWrite;
import io.cellpilot.opcua.config.IdentityConfig;
import io.cellpilot.opcua.config.SecurityMode;
import io.cellpilot.opcua.config.SecurityPolicyName;
import io.cellpilot.sim.SimulatedCell;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Basic256Sha256 SignAndEncrypt with a user name to a simulated PLC that trusts only the client certificates it was
 * given, set up the way an integrator does it on site: each side refuses the other until told to trust it, and the
 * gateway gets through by itself once both trust lists are right.
 */
class SimulatedPlcSecurityTest {
  /** Milo's reconnect back-off grows to 8 s after a few refusals; two more attempts must fit. */
  static final int CONNECT_BOUND_SECONDS = 40;

  @TempDir
  Path dir;

  @Test
  void theGatewayConnectsWithSignAndEncryptOnceEachSideTrustsTheOthersCertificate() throws Exception {
    Path pki = dir.resolve("pki");
    try (SimulatedCell cell = SimPlc.startPlcOnly(5, c -> c.plc(p -> p.trustAllClients(false)
             .allowAnonymous(false).user("cellpilot", "line1-secret")));
         OpcUaPlcClient client = new OpcUaPlcClient(SimPlc.gateway("line1", cell, pki)
             .securityPolicy(SecurityPolicyName.Basic256Sha256)
             .securityMode(SecurityMode.SignAndEncrypt)
             .identity(new IdentityConfig.UserPassword("cellpilot", "line1-secret"))
             .build())) {
      client.start();

      // 1. The PLC checks the client first (OpenSecureChannel request): it refuses a gateway it has never seen.
      Path rejected = pki.resolve("rejected/certs");
      await().atMost(20, SECONDS).until(() -> client.status().detail().contains("Bad_SecurityChecksFailed"));
      assertFalse(client.status().isConnected());
      String refused = client.status().detail();
      assertTrue(refused.contains(pki.resolve("own/cellpilot-gateway.der").toString())
          && refused.contains("trusted client certificates"), "says which file the PLC must trust: " + refused);
      assertTrue(listing(rejected).isEmpty(), "the gateway never got to see the PLC's certificate");
      assertTrue(client.snapshot().values().stream().noneMatch(TagValue::isGood));

      // 2. The gateway's own certificate (own/cellpilot-gateway.der) goes into the PLC's trust list. Next attempt:
      // the gateway refuses the PLC, keeps its certificate in rejected/ and says which file to move where.
      cell.plc().trust(readCertificate(pki.resolve("own/cellpilot-gateway.der")));
      await().atMost(CONNECT_BOUND_SECONDS, SECONDS).until(() -> listing(rejected).size() == 1
          && client.status().detail().contains("not in the trust list"));
      Path plcCert = listing(rejected).get(0);
      String detail = client.status().detail();
      assertTrue(detail.contains(plcCert.toString()) && detail.contains(pki.resolve("trusted/certs").toString()),
          detail);
      assertEquals(cell.plc().certificate(), readCertificate(plcCert), "the file is the PLC's certificate");
      assertFalse(client.status().isConnected());

      // 3. The integrator moves it into trusted/; the gateway gets through by itself, no restart.
      Files.move(plcCert, pki.resolve("trusted/certs").resolve(plcCert.getFileName()));
      await().atMost(CONNECT_BOUND_SECONDS, SECONDS).until(() -> client.status().isConnected());
      await().atMost(10, SECONDS).until(() -> client.snapshot().values().stream().allMatch(TagValue::isGood));
      assertEquals("RUNNING", client.current("state-text").value());
      assertTrue(client.write(List.of(new TagWrite("speed-setpoint", 0.3))).get(0).isGood());
      assertTrue(client.call(List.of(SimPlc.stop())).get(0).isGood());
      await().atMost(10, SECONDS).until(() -> "STOPPED".equals(client.current("state-text").value()));
    }
  }

  @Test
  void eachAttemptReportsItsOwnReasonSoAFixedCertificateMakesWayForAWrongPassword() throws Exception {
    Path pki = dir.resolve("pki");
    try (SimulatedCell cell = SimPlc.startPlcOnly(6, c -> c.plc(p -> p.allowAnonymous(false)
             .user("cellpilot", "line1-secret")));
         OpcUaPlcClient client = new OpcUaPlcClient(SimPlc.gateway("line1", cell, pki)
             .securityPolicy(SecurityPolicyName.Basic256Sha256)
             .securityMode(SecurityMode.SignAndEncrypt)
             .identity(new IdentityConfig.UserPassword("cellpilot", "wrong"))
             .build())) {
      client.start();
      Path rejected = pki.resolve("rejected/certs");
      await().atMost(20, SECONDS).until(() -> listing(rejected).size() == 1);
      Path plcCert = listing(rejected).get(0);
      Files.move(plcCert, pki.resolve("trusted/certs").resolve(plcCert.getFileName()));

      // The certificate is trusted now; the status must stop telling the integrator to move it, and say what is next.
      await().atMost(CONNECT_BOUND_SECONDS, SECONDS)
          .until(() -> client.status().detail().contains("cellpilot.plcs.line1.identity"));
      String detail = client.status().detail();
      assertTrue(detail.contains("Bad_UserAccessDenied") && !detail.contains("not in the trust list"), detail);
      assertFalse(client.status().isConnected());
      assertTrue(client.snapshot().values().stream().noneMatch(TagValue::isGood));
    }
  }

  private static X509Certificate readCertificate(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static List<Path> listing(Path folder) throws Exception {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }
}
