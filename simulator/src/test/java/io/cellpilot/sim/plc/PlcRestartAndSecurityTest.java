package io.cellpilot.sim.plc;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellpilot.sim.config.SimConfig;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.junit.jupiter.api.Test;

class PlcRestartAndSecurityTest {

  static final String CLIENT_URI = "urn:cellpilot:test:client";

  @Test
  void thePlcRestartsOnTheSamePortAndAConnectedClientReadsAgain() throws Exception {
    try (PlcHarness cell = new PlcHarness(SimConfig.forTests(3).time(t -> t.scale(5)).build());
        PlcTestClient client = PlcTestClient.connect(cell.plc.endpointUrl())) {
      int port = cell.plc.port();
      assertEquals("RUNNING", client.value("Line1/StateText"));

      cell.plc.stop();
      assertFalse(cell.plc.running());
      assertThrows(UaException.class, () -> client.value("Line1/StateText"));

      cell.plc.start();
      assertEquals(port, cell.plc.port());
      // Milo's client reconnects and reactivates its session on its own; give it the time its backoff needs.
      await().atMost(60, SECONDS).ignoreExceptions().until(() -> "RUNNING".equals(client.value("Line1/StateText")));
    }
  }

  @Test
  void aClientWithItsOwnCertificateConnectsWithBasic256Sha256SignAndEncryptAndAUserName() throws Exception {
    SimConfig config = SimConfig.forTests(3)
        .plc(p -> p.trustAllClients(false).user("operator", "s3cret").allowAnonymous(false))
        .build();
    KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
    X509Certificate certificate = new SelfSignedCertificateBuilder(keyPair)
        .setCommonName("CellPilot test client").setApplicationUri(CLIENT_URI).addDnsName("localhost").build();
    try (PlcHarness cell = new PlcHarness(config)) {
      // Untrusted: the server refuses the secure channel.
      assertThrows(Exception.class, () -> connectSecure(cell, keyPair, certificate).close());

      cell.plc.trust(certificate);
      try (PlcTestClient client = connectSecure(cell, keyPair, certificate)) {
        assertEquals("RUNNING", client.value("Line1/StateText"));
        assertEquals(SecurityPolicy.Basic256Sha256.getUri(),
            client.client.getConfig().getEndpoint().getSecurityPolicyUri());
      }
    }
  }

  private static PlcTestClient connectSecure(PlcHarness cell, KeyPair keyPair, X509Certificate certificate)
      throws Exception {
    return PlcTestClient.connect(cell.plc.endpointUrl(),
        (EndpointDescription e) -> SecurityPolicy.Basic256Sha256.getUri().equals(e.getSecurityPolicyUri())
            && e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt,
        b -> b.setApplicationUri(CLIENT_URI)
            .setKeyPair(keyPair)
            .setCertificate(certificate)
            .setCertificateChain(new X509Certificate[] {certificate})
            .setIdentityProvider(new UsernameProvider("operator", "s3cret")));
  }
}
