package io.cellpilot.opcua.client;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellpilot.opcua.config.IdentityConfig;
import io.cellpilot.opcua.config.PlcConfig;
import io.cellpilot.opcua.config.SecurityMode;
import io.cellpilot.opcua.config.SecurityPolicyName;
import io.cellpilot.opcua.config.TagConfig;
import io.cellpilot.opcua.testserver.TestPki;
import io.cellpilot.opcua.testserver.TestPlcServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** Every offered policy works with Sign and with SignAndEncrypt, with a user name. */
class SecurityPolicyMatrixTest {
  @TempDir
  static Path dir;
  static TestPlcServer plc;

  @BeforeAll
  static void start() {
    plc = TestPlcServer.start(dir.resolve("plc-pki"));
    plc.set("Name", "matrix");
    TestPki.trustServer(dir.resolve("plc-pki"), dir.resolve("pki"));
  }

  @AfterAll
  static void stop() {
    plc.close();
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource({
      "Basic256Sha256, Sign", "Basic256Sha256, SignAndEncrypt",
      "Aes128_Sha256_RsaOaep, Sign", "Aes128_Sha256_RsaOaep, SignAndEncrypt",
      "Aes256_Sha256_RsaPss, Sign", "Aes256_Sha256_RsaPss, SignAndEncrypt"})
  void theGatewayConnectsAndReadsWithThisPolicyAndMode(SecurityPolicyName policy, SecurityMode mode) {
    PlcConfig config = PlcConfig.builder("m").endpoint(plc.endpoint()).pkiDir(dir.resolve("pki"))
        .securityPolicy(policy).securityMode(mode)
        .identity(new IdentityConfig.UserPassword("operator", "operator-pw"))
        .tag(TagConfig.builder("name").nodeId("nsu=" + TestPlcServer.NAMESPACE + ";s=Plant/Name").subscribe(false))
        .build();
    try (OpcUaPlcClient client = new OpcUaPlcClient(config)) {
      client.start();
      await().atMost(20, SECONDS).until(() -> client.status().isConnected());
      await().atMost(10, SECONDS).until(() -> client.read(List.of("name")).get(0).isGood());
      assertEquals("matrix", client.read(List.of("name")).get(0).value());
    }
  }
}
