package io.cellpilot.opcua.server;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.opcua.client.OpcUaPlcClient;
import io.cellpilot.opcua.client.TagValue;
import io.cellpilot.opcua.client.TagWrite;
import io.cellpilot.opcua.config.IdentityConfig;
import io.cellpilot.opcua.config.PlcConfig;
import io.cellpilot.opcua.config.TagConfig;
import io.cellpilot.opcua.security.ApplicationCertificate;
import io.cellpilot.opcua.security.PkiDirectory;
import io.cellpilot.opcua.testserver.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cell's own server, read by the gateway's client over SignAndEncrypt with a user. */
class CellServerTest {
  static final String NS = "nsu=" + CellServer.NAMESPACE + ";s=";

  @TempDir
  static Path dir;
  static CellServer cell;

  @BeforeAll
  static void start() {
    cell = CellServer.start(CellServerConfig.builder().bindAddress("127.0.0.1").port(0)
        .pkiDir(dir.resolve("server-pki")).user("scada", "scada-password").build());
    // Mutual trust, as an integrator sets it up: each side's own certificate into the other's trusted/certs.
    ApplicationCertificate gateway = ApplicationCertificate.loadOrCreate(PkiDirectory.open(dir.resolve("pki")),
        "cellpilot-gateway", PlcConfig.DEFAULT_APPLICATION_URI, List.of());
    TestPki.trust(gateway.certificate(), dir.resolve("server-pki"), "gateway.der");
    TestPki.trust(ApplicationCertificate.loadOrCreate(PkiDirectory.open(dir.resolve("server-pki")),
        "cellpilot-server", "urn:cellpilot:cell:server", List.of()).certificate(), dir.resolve("pki"), "cell.der");
  }

  @AfterAll
  static void stop() {
    cell.close();
  }

  @Test
  void scadaReadsAndSubscribesWhatTheControllerFeeds() {
    Instant t = Instant.parse("2026-11-22T10:15:30Z");
    cell.updateRobot(new RobotSnapshot("r1", "UR5e", List.of(new RobotSnapshot.AxisState(0.5, 0.0),
        new RobotSnapshot.AxisState(-1.2, 0.1)), 0.8, "ACTIVE", "RUNNING", "NORMAL", true, t));
    cell.updateInspection(new InspectionSnapshot("P-17", "DEFECT", 0.93, "REJECT", 17, 15, 2, 0, "inspect-1.2.0",
        t));
    cell.updateEnergy(new EnergySnapshot("main", 3.2, 104.5, 41.0, 38.7, t));
    cell.updateLine(new LineKpis("RUNNING", 0.9, 0.8, 0.88, 0.63, 15, 17, t));
    cell.updateShiftEnergy(new ShiftEnergySnapshot("2026-11-22/2", 412.5, 18.2, 159.6, 121.4, 13950, 13512, 0.0305,
        0.0118, 0.97, 0.92, 0.99, 0.88, false, t));
    String axis2 = NS + "Cell/MotionDeviceSystem/MotionDevices/r1/Axes/Axis2/ParameterSet/ActualPosition";
    try (OpcUaPlcClient client = new OpcUaPlcClient(PlcConfig.builder("cell").endpoint(cell.endpointUrl())
        .pkiDir(dir.resolve("pki")).identity(new IdentityConfig.UserPassword("scada", "scada-password"))
        .defaultNamespace(CellServer.NAMESPACE)
        .tag(TagConfig.builder("axis2").nodeId(axis2).samplingInterval(Duration.ofMillis(50)))
        .tag(TagConfig.builder("verdict").browsePath("Cell/Inspection/LastVerdict"))
        .tag(TagConfig.builder("rejected").browsePath("Cell/Inspection/Rejected"))
        .tag(TagConfig.builder("co2").browsePath("Cell/Energy/main/Co2"))
        .tag(TagConfig.builder("oee").browsePath("Cell/Line/Oee"))
        .tag(TagConfig.builder("shift").browsePath("Cell/Shift/Id"))
        .tag(TagConfig.builder("shift-market").browsePath("Cell/Shift/Co2MarketKg"))
        .tag(TagConfig.builder("estop").browsePath(
            "Cell/MotionDeviceSystem/SafetyStates/r1/ParameterSet/EmergencyStop"))
        .build())) {
      List<TagValue> axis = new CopyOnWriteArrayList<>();
      client.start();
      await().atMost(20, SECONDS).until(() -> client.status().isConnected());
      client.subscribe("axis2", axis::add);
      await().atMost(10, SECONDS).until(() -> client.snapshot().values().stream().allMatch(TagValue::isGood));
      assertEquals(-1.2, client.current("axis2").asDouble(), 1e-9);
      assertEquals("DEFECT", client.current("verdict").value());
      assertEquals(2L, client.current("rejected").value());
      assertEquals(38.7, client.current("co2").asDouble(), 1e-9);
      assertEquals(0.63, client.current("oee").asDouble(), 1e-9);
      assertEquals("2026-11-22/2", client.current("shift").value());
      assertEquals(121.4, client.current("shift-market").asDouble(), 1e-9);
      assertEquals(false, client.current("estop").value());
      assertEquals(t, client.current("oee").sourceTime());

      cell.updateRobot(new RobotSnapshot("r1", "UR5e", List.of(new RobotSnapshot.AxisState(0.5, 0.0),
          new RobotSnapshot.AxisState(-1.0, 0.1)), 0.8, "ACTIVE", "RUNNING", "PROTECTIVE_STOP", true,
          Instant.now()));
      await().atMost(10, SECONDS).until(() -> axis.stream().anyMatch(v -> v.isGood() && v.asDouble() == -1.0));
      assertFalse(client.write(List.of(new TagWrite("oee", 1.0))).get(0).isGood(), "the cell server is read-only");
    }
  }

  @Test
  void anonymousUsersAndSecurityPolicyNoneAreOffByDefault() throws Exception {
    List<EndpointDescription> endpoints = DiscoveryClient.getEndpoints(cell.endpointUrl()).get(10, SECONDS);
    List<EndpointDescription> session = endpoints.stream()
        .filter(e -> !e.getEndpointUrl().endsWith("/discovery")).toList();
    assertFalse(session.isEmpty());
    assertTrue(session.stream().noneMatch(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri())));
    assertTrue(session.stream().flatMap(e -> Stream.of(e.getUserIdentityTokens()))
        .noneMatch(p -> p.getTokenType() == UserTokenType.Anonymous));
    assertEquals(6, session.size(), "3 policies x Sign, SignAndEncrypt");
  }

  @Test
  void anUntrustedClientIsRejectedAndItsCertificateLandsInTheServersRejectedFolder() throws Exception {
    Path strangerPki = dir.resolve("stranger-pki");
    TestPki.trust(ApplicationCertificate.loadOrCreate(PkiDirectory.open(dir.resolve("server-pki")),
        "cellpilot-server", "urn:cellpilot:cell:server", List.of()).certificate(), strangerPki, "cell.der");
    try (OpcUaPlcClient client = new OpcUaPlcClient(PlcConfig.builder("stranger").endpoint(cell.endpointUrl())
        .pkiDir(strangerPki).applicationUri("urn:stranger")
        .identity(new IdentityConfig.UserPassword("scada", "scada-password")).build())) {
      client.start();
      Path rejected = dir.resolve("server-pki/rejected/certs");
      await().atMost(20, SECONDS).until(() -> Files.isDirectory(rejected) && Files.list(rejected).findAny()
          .isPresent());
      assertFalse(client.status().isConnected());
    }
  }

  @Test
  void theSessionLimitIsEnforced() {
    try (CellServer small = CellServer.start(CellServerConfig.builder().bindAddress("127.0.0.1").port(0)
        .pkiDir(dir.resolve("server-pki")).user("scada", "scada-password").maxSessions(1).build());
         OpcUaPlcClient first = new OpcUaPlcClient(scada("first", small));
         OpcUaPlcClient second = new OpcUaPlcClient(scada("second", small))) {
      first.start();
      await().atMost(20, SECONDS).until(() -> first.status().isConnected());
      second.start();
      await().atMost(20, SECONDS).until(() -> second.status().detail().contains("Bad_TooManySessions"));
      assertFalse(second.status().isConnected());
      assertTrue(first.status().isConnected());
    }
  }

  private static PlcConfig scada(String id, CellServer server) {
    return PlcConfig.builder(id).endpoint(server.endpointUrl()).pkiDir(dir.resolve("pki"))
        .identity(new IdentityConfig.UserPassword("scada", "scada-password")).build();
  }

  @Test
  void configurationErrorsNameTheKey() {
    var e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
        () -> CellServerConfig.builder().port(70000).user("a", "longenough").build());
    assertEquals("cellpilot.opcua-server.port must be between 0 and 65535, was 70000", e.getMessage());
    e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
        () -> CellServerConfig.builder().build());
    assertTrue(e.getMessage().startsWith("cellpilot.opcua-server.users must define at least one user"),
        e.getMessage());
  }
}
