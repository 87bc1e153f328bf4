package io.cellpilot.opcua.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.opcua.OpcUaGatewayException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application certificate is made once and kept, so that PLCs that trust it go on trusting it. */
class ApplicationCertificateTest {
  @TempDir
  Path dir;

  @Test
  void theCertificateIsCreatedOnFirstStartAndLoadedUnchangedAfterwards() throws Exception {
    PkiDirectory pki = PkiDirectory.open(dir.resolve("pki"));
    ApplicationCertificate first = ApplicationCertificate.loadOrCreate(pki, "cellpilot-gateway", "urn:cellpilot:gw",
        List.of("edge-7"));
    ApplicationCertificate again = ApplicationCertificate.loadOrCreate(PkiDirectory.open(dir.resolve("pki")),
        "cellpilot-gateway", "urn:cellpilot:gw", List.of());
    assertArrayEquals(first.certificate().getEncoded(), again.certificate().getEncoded());
    assertArrayEquals(first.keyPair().getPrivate().getEncoded(), again.keyPair().getPrivate().getEncoded());
    assertEquals("urn:cellpilot:gw", CertificateUtil.getSanUri(first.certificate()).orElseThrow());
    assertTrue(CertificateUtil.getSanDnsNames(first.certificate()).containsAll(List.of("localhost", "edge-7")));
    assertArrayEquals(first.certificate().getEncoded(),
        Files.readAllBytes(dir.resolve("pki/own/cellpilot-gateway.der")), "the file to hand to PLCs");
    for (String folder : List.of("trusted/certs", "trusted/crl", "issuers/certs", "issuers/crl", "rejected/certs")) {
      assertTrue(Files.isDirectory(dir.resolve("pki").resolve(folder)), folder);
    }
  }

  @Test
  void aChangedApplicationUriIsRefusedWithAMessageSayingWhatToDo() {
    PkiDirectory pki = PkiDirectory.open(dir.resolve("pki"));
    ApplicationCertificate.loadOrCreate(pki, "cellpilot-gateway", "urn:cellpilot:gw", List.of());
    OpcUaGatewayException e = assertThrows(OpcUaGatewayException.class,
        () -> ApplicationCertificate.loadOrCreate(pki, "cellpilot-gateway", "urn:other", List.of()));
    assertEquals(OpcUaGatewayException.Code.SECURITY, e.code());
    assertTrue(e.getMessage().contains("was made for application URI 'urn:cellpilot:gw' but the configured "
        + "application-uri is 'urn:other'"), e.getMessage());
  }
}
