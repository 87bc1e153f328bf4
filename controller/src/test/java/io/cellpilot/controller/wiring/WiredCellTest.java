package io.cellpilot.controller.wiring;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.cell.LineControl;
import io.cellpilot.controller.cellserver.CellServerPart;
import io.cellpilot.controller.ingest.NoDelaySocketFactory;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.controller.state.TagReading;
import io.cellpilot.events.EnergyUpdated;
import io.cellpilot.events.PartRejected;
import io.cellpilot.events.RobotStateChanged;
import io.cellpilot.opcua.client.OpcUaPlcClient;
import io.cellpilot.opcua.config.IdentityConfig;
import io.cellpilot.opcua.config.PlcConfig;
import io.cellpilot.opcua.config.TagConfig;
import io.cellpilot.opcua.security.ApplicationCertificate;
import io.cellpilot.opcua.security.PkiDirectory;
import io.cellpilot.opcua.server.CellServer;
import io.cellpilot.sim.cobot.CobotState;
import io.cellpilot.sim.line.PartFate;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller wired to the simulated cell through real protocols only: OPC UA to the PLC, MQTT for the camera and
 * the status topics, UR's interfaces to the cobot, and the cell's own OPC UA server. The in-test model judges by mean
 * brightness with a threshold every part exceeds, so every part is a reject (it never reads the simulator's truth).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WiredCellTest {
  @TempDir
  static Path dir;
  static WiredCell cell;

  @BeforeAll
  static void start() throws Exception {
    cell = new WiredCell(dir, 21, 0.01, p -> { });
  }

  @AfterAll
  static void stop() {
    if (cell != null) {
      cell.close();
    }
  }

  private static <T> MutableHttpRequest<T> as(String user, MutableHttpRequest<T> request) {
    return request.basicAuth(user, cell.passwords.get(user));
  }

  private static HttpStatus status(MutableHttpRequest<?> request) {
    try {
      return cell.http.exchange(request, Map.class).getStatus();
    } catch (HttpClientResponseException e) {
      return e.getStatus();
    }
  }

  @Test
  @Order(1)
  void plcTagsFlowIntoTheCellStateAndTheLineIsReportedRunning() {
    CellState state = cell.bean(CellState.class);
    await().atMost(30, SECONDS).until(() -> state.read("plc.line-state").fresh());
    assertEquals(1L, state.read("plc.line-state").value().orElseThrow());
    await().atMost(20, SECONDS).until(() -> {
      TagReading count = state.read("plc.part-count");
      return count.fresh() && ((Long) count.value().orElseThrow()) >= 2;
    });
    assertTrue(state.read("plc.main-power").fresh());
    assertTrue(state.read("plc.person-distance").fresh());
    // The line monitor may have published RUNNING before this test subscribed: ask what it reported.
    await().atMost(10, SECONDS).until(() -> cell.bean(LineControl.class).state().equals("RUNNING"));
    await().atMost(30, SECONDS).until(() -> status(HttpRequest.GET("/health/readiness")) == HttpStatus.OK);
    String health = cell.http.retrieve(HttpRequest.GET("/health"));
    assertTrue(health.contains("\"plc plc\":{\"connected\":true") && health.contains("\"robot r1\":{"), health);
    String metrics = cell.http.retrieve(HttpRequest.GET("/prometheus"));
    assertTrue(metrics.contains("cellpilot_robot_connected{robot=\"r1\"} 1.0")
        && metrics.contains("cellpilot_plc_bad_values_total{plc=\"plc\"}")
        && metrics.contains("cellpilot_robot_guard_rejections_total{reason=\"CELL_CONTEXT_STALE\",robot=\"r1\"}"),
        metrics);
  }

  @Test
  @Order(2)
  void aRejectedPartIsPickedByTheCobotThroughThePlcHandshakeAndLandsInTheBin() {
    await().atMost(90, SECONDS).until(() -> cell.events(PartRejected.class).stream()
        .anyMatch(e -> e.outcome() == PartRejected.Outcome.PICKED));
    PartRejected picked = cell.events(PartRejected.class).stream()
        .filter(e -> e.outcome() == PartRejected.Outcome.PICKED).findFirst().orElseThrow();
    assertEquals(PartFate.IN_BIN, cell.sim.groundTruth(picked.partId()).orElseThrow().fate(), picked.toString());
    assertEquals("r1", picked.robotId());
    assertTrue(picked.cycleSeconds() > 1 && picked.cycleSeconds() < 60, picked.toString());
    assertTrue(picked.energyWh() > 0, picked.toString());
  }

  @Test
  @Order(3)
  void statusTopicsAppearOnTheBroker() throws Exception {
    Map<String, String> retained = new ConcurrentHashMap<>();
    MqttClient client = new MqttClient(cell.sim.endpoints().mqttUri(), "wired-test-dashboard", new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setSocketFactory(new NoDelaySocketFactory());
    client.connect(options);
    try {
      IMqttMessageListener listener = (topic, m) -> retained.put(topic, new String(m.getPayload(),
          StandardCharsets.UTF_8));
      // docs/pitfalls.md 1: the array form of subscribe.
      client.subscribe(new MqttSubscription[] {new MqttSubscription("cellpilot/test/wired/#", 1)},
          new IMqttMessageListener[] {listener});
      await().atMost(20, SECONDS).until(() -> retained.containsKey("cellpilot/test/wired/state/robot/r1")
          && retained.containsKey("cellpilot/test/wired/state/line")
          && retained.containsKey("cellpilot/test/wired/state/inspection")
          && retained.containsKey("cellpilot/test/wired/state/energy/main"));
      assertTrue(retained.get("cellpilot/test/wired/state/line").contains("\"state\": \"RUNNING\"")
          || retained.get("cellpilot/test/wired/state/line").contains("\"state\":\"RUNNING\""),
          retained.get("cellpilot/test/wired/state/line"));
      assertEquals("{\"online\"", retained.get("cellpilot/test/wired/status").substring(0, 9));
    } finally {
      client.disconnect();
      client.close();
    }
  }

  @Test
  @Order(4)
  void theCellServerShowsTheRobotStateAndEnergy() throws Exception {
    CellServer server = cell.bean(CellServerPart.class).server().orElseThrow();
    Path clientPki = dir.resolve("scada-pki");
    ApplicationCertificate scada = ApplicationCertificate.loadOrCreate(PkiDirectory.open(clientPki),
        "cellpilot-gateway", PlcConfig.DEFAULT_APPLICATION_URI, List.of());
    // Mutual trust, as an integrator sets it up: each side's certificate into the other's trusted/certs.
    Path serverPki = cell.data.resolve("pki-server");
    Files.write(serverPki.resolve("trusted/certs/scada.der"), scada.certificate().getEncoded());
    Files.copy(serverPki.resolve("own/cellpilot-server.der"), clientPki.resolve("trusted/certs/cell.der"));
    String ns = "nsu=" + CellServer.NAMESPACE + ";s=Cell/";
    try (OpcUaPlcClient client = new OpcUaPlcClient(PlcConfig.builder("scada").endpoint(server.endpointUrl())
        .pkiDir(clientPki).identity(new IdentityConfig.UserPassword("scada", "scada-password"))
        .tag(TagConfig.builder("driver").nodeId(ns + "MotionDeviceSystem/Controllers/r1/ParameterSet/DriverState"))
        .tag(TagConfig.builder("axis1").nodeId(ns + "MotionDeviceSystem/MotionDevices/r1/Axes/Axis1/ParameterSet/"
            + "ActualPosition"))
        .tag(TagConfig.builder("co2").nodeId(ns + "Energy/main/Co2"))
        .tag(TagConfig.builder("line").nodeId(ns + "Line/State"))
        .build())) {
      client.start();
      await().atMost(30, SECONDS).until(() -> client.current("driver").isGood()
          && "ACTIVE".equals(client.current("driver").value()) && client.current("axis1").isGood()
          && client.current("co2").isGood() && "RUNNING".equals(client.current("line").value()));
      assertTrue(client.current("co2").asDouble() > 0);
    }
  }

  @Test
  @Order(5)
  void energyIsPublishedWithEnergyPerPartAndCarbonFromTheGridFactor() {
    await().atMost(30, SECONDS).until(() -> cell.events(EnergyUpdated.class).stream()
        .anyMatch(e -> Double.isFinite(e.energyPerPartWh())));
    EnergyUpdated e = cell.events(EnergyUpdated.class).stream().filter(u -> Double.isFinite(u.energyPerPartWh()))
        .reduce((a, b) -> b).orElseThrow();
    assertEquals("main", e.meter());
    assertTrue(e.energyPerPartWh() > 0, e.toString());
    assertEquals(e.energyKwh() * 0.4, e.co2Kg(), 1e-9);
    assertTrue(e.powerKw() > 0, e.toString());
  }

  @Test
  @Order(6)
  void aViewerCannotStopTheRobotAnOperatorCanAndTheArmStops() {
    assertEquals(HttpStatus.FORBIDDEN, status(as("viewer", HttpRequest.POST("/api/robot/stop", Map.of()))));
    assertEquals("ACTIVE", cell.events(RobotStateChanged.class).stream().reduce((a, b) -> b).orElseThrow()
        .driverState());
    // Stop it mid-move, so that "the arm stops" means something.
    await().atMost(60, SECONDS).until(() -> cell.sim.cobot().orElseThrow().state().moving());
    assertEquals(HttpStatus.OK,
        status(as("operator", HttpRequest.POST("/api/robot/stop", Map.of("reason", "checking the gripper")))));
    await().atMost(10, SECONDS).until(() -> {
      CobotState arm = cell.sim.cobot().orElseThrow().state();
      return !arm.moving() && cell.events(RobotStateChanged.class).stream().reduce((a, b) -> b).orElseThrow()
          .driverState().equals("INACTIVE");
    });
    // Stopped stays stopped: for a while, the arm does not move although rejects keep coming.
    await().during(Duration.ofSeconds(3)).atMost(5, SECONDS)
        .until(() -> !cell.sim.cobot().orElseThrow().state().moving());
    assertFalse(cell.bean(io.cellpilot.controller.cell.RobotControl.class).status().ready());
    assertEquals(HttpStatus.OK, status(as("operator", HttpRequest.POST("/api/robot/activate", Map.of()))));
    await().atMost(30, SECONDS).until(() -> cell.bean(io.cellpilot.controller.cell.RobotControl.class).status()
        .ready());
  }
}
