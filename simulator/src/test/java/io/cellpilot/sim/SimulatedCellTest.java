package io.cellpilot.sim;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellpilot.sim.camera.Png;
import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.faults.Fault;
import io.cellpilot.sim.faults.FaultRecord;
import io.cellpilot.sim.faults.SensorKey;
import io.cellpilot.sim.line.PartTruth;
import io.cellpilot.sim.machines.MachineId;
import io.cellpilot.sim.plc.PlcTestClient;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** One cell for every test here (a cell with its broker takes seconds to start); the last test closes it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatedCellTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final AtomicBoolean componentClosed = new AtomicBoolean();
  static Set<Thread> threadsBefore;
  static SimulatedCell cell;
  static MqttTestClient subscriber;

  @BeforeAll
  static void start() throws Exception {
    threadsBefore = Thread.getAllStackTraces().keySet();
    CellComponent.Factory fake = context -> Optional.of(new CellComponent() {
      public String name() {
        return "fake";
      }

      public void start() {}

      public Map<String, String> endpoints() {
        return Map.of("fake.port", "127.0.0.1:1");
      }

      public void close() {
        componentClosed.set(true);
      }
    });
    cell = SimulatedCell.start(SimConfig.forTests(21).time(t -> t.scale(10)).line(l -> l.defectRate(0.5)).build(),
        List.of(fake));
    subscriber = new MqttTestClient(cell.endpoints().mqttUri(), "factory/line1/#");
  }

  @AfterAll
  static void stop() throws Exception {
    subscriber.close();
    cell.close();
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void closeStopsEveryThreadTheCellStartedAndItsComponents() throws Exception {
    subscriber.close();
    cell.close();
    cell.close(); // twice is harmless

    assertTrue(componentClosed.get());
    // Milo's and HiveMQ's shared pools are daemon threads owned by those libraries; ours and Paho's must be gone.
    await().atMost(20, SECONDS).untilAsserted(() -> assertEquals(Set.of(), leftovers()));
  }

  private static Set<String> leftovers() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !threadsBefore.contains(t) && t.isAlive() && !t.getName().startsWith("awaitility"))
        .filter(t -> t.getName().contains("cellpilot-sim") || !t.isDaemon() && !t.getName().startsWith("milo-"))
        .map(Thread::getName)
        .collect(Collectors.toSet());
  }

  @Test
  void endpointsNameThePlcTheBrokerTheCameraFolderAndTheComponents() {
    CellEndpoints e = cell.endpoints();
    assertEquals("127.0.0.1:1", e.components().get("fake.port"));
    assertTrue(e.opcUaUrl().startsWith("opc.tcp://127.0.0.1:"), e.opcUaUrl());
    assertEquals("urn:cellpilot:sim:plc", e.opcUaNamespace());
    assertTrue(e.mqttUri().startsWith("tcp://127.0.0.1:"), e.mqttUri());
    assertTrue(e.embeddedBroker());
    assertTrue(Files.isDirectory(e.cameraFolder()));
    assertTrue(e.describe().stream().anyMatch(l -> l.contains(e.opcUaUrl())));
  }

  @Test
  void healthSensorsPublishTimestampValueAndUnitForEachMachine() throws Exception {
    for (String topic : List.of("factory/line1/press/vibration", "factory/line1/press/current",
        "factory/line1/press/bearing-temperature", "factory/line1/conveyor/vibration")) {
      await().atMost(20, SECONDS).until(() -> !subscriber.on(topic).isEmpty());
      JsonNode json = JSON.readTree(subscriber.on(topic).get(0).text());
      Instant.parse(json.get("timestamp").asText());
      assertTrue(json.get("value").isNumber(), topic + ": " + json);
      assertTrue(json.get("unit").isTextual(), topic + ": " + json);
    }
    assertEquals("mm/s", JSON.readTree(subscriber.on("factory/line1/press/vibration").get(0).text()).get("unit").asText());
  }

  @Test
  void rawVibrationWindowsCarryTheirSampleRateAndValues() throws Exception {
    await().atMost(30, SECONDS).until(() -> !subscriber.on("factory/line1/press/vibration/raw").isEmpty());
    JsonNode json = JSON.readTree(subscriber.on("factory/line1/press/vibration/raw").get(0).text());
    assertEquals(2000.0, json.get("sampleRateHz").asDouble());
    assertEquals("g", json.get("unit").asText());
    assertEquals(256, json.get("values").size());
  }

  @Test
  void powerMetersPublishForTheMainMeterAndEveryMachineWithMonotonicEnergy() throws Exception {
    for (String meter : List.of("main", "conveyor", "press", "robot")) {
      String topic = "factory/line1/meters/" + meter;
      await().atMost(20, SECONDS).until(() -> subscriber.on(topic).size() >= 3);
      double last = -1;
      for (MqttTestClient.Received r : subscriber.on(topic)) {
        JsonNode json = JSON.readTree(r.text());
        double energy = json.get("energyKwh").asDouble();
        assertTrue(energy >= last, topic + " energy went back: " + energy + " < " + last);
        last = energy;
        assertTrue(json.get("voltageV").asDouble() > 380, topic + ": " + json);
      }
    }
    JsonNode main = JSON.readTree(subscriber.on("factory/line1/meters/main").get(0).text());
    assertTrue(main.get("activePowerKw").asDouble() > 1.0, "main meter includes the base load: " + main);
  }

  @Test
  void theCameraPublishesEachPartsPngWithItsIdAndWritesItToTheFolder() throws Exception {
    String topic = "factory/line1/camera/inspection";
    await().atMost(40, SECONDS).until(() -> subscriber.on(topic).size() >= 2);
    MqttTestClient.Received image = subscriber.on(topic).get(0);
    assertEquals("image/png", image.message().getProperties().getContentType());
    String partId = image.userProperty("partId");
    assertNotNull(partId);
    Instant.parse(image.userProperty("capturedAt"));
    assertEquals("256", image.userProperty("width"));
    assertEquals("256", image.userProperty("height"));
    BufferedImage png = Png.decode(image.message().getPayload());
    assertEquals(BufferedImage.TYPE_BYTE_GRAY, png.getType());
    assertEquals(256, png.getWidth());

    PartTruth truth = cell.groundTruth(partId).orElseThrow();
    assertNotNull(truth.inspectedAt());
    assertEquals(truth.defect(), cell.image(partId).orElseThrow().defect());
    Path file = cell.endpoints().cameraFolder().resolve(partId + ".png");
    await().atMost(10, SECONDS).until(() -> Files.exists(file));
    try (Stream<Path> files = Files.list(cell.endpoints().cameraFolder())) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no half-written files remain");
    }
  }

  @Test
  void aMalformedJsonFaultSendsPayloadsThatAreNotValidReadings() throws Exception {
    String topic = "factory/line1/conveyor/current";
    FaultRecord record = cell.inject(new Fault.MalformedJson(
        new SensorKey(MachineId.CONVEYOR, SensorKey.Quantity.CURRENT), Duration.ofSeconds(20)));
    await().atMost(30, SECONDS).until(() -> subscriber.on(topic).stream().filter(r -> !validReading(r)).count() >= 3);
    assertTrue(cell.stats().malformedMessages() >= 3);
    assertTrue(cell.faults().contains(record));
    assertNotNull(record.wallStart());
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException("not JSON: " + text, e);
    }
  }

  static boolean validReading(MqttTestClient.Received r) {
    try {
      JsonNode json = JSON.readTree(r.message().getPayload());
      return json != null && json.path("value").isNumber() && Instant.parse(json.get("timestamp").asText()) != null;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void aPowerSpikeShowsOnTheMainMeterTopic() {
    cell.inject(new Fault.PowerSpike("main", 25.0, Duration.ofSeconds(10)));
    await().atMost(30, SECONDS).until(() -> subscriber.on("factory/line1/meters/main").stream()
        .anyMatch(r -> json(r.text()).get("activePowerKw").asDouble() > 25));
  }

  @Test
  void aPersonInTheZoneShowsOnThePlcsZoneSensor() throws Exception {
    try (PlcTestClient plc = PlcTestClient.connect(cell.endpoints().opcUaUrl())) {
      assertEquals(false, plc.value("Line1/Safety/ZoneOccupied"));
      cell.inject(new Fault.PersonInZone(Duration.ofSeconds(40), 0.7));
      await().atMost(30, SECONDS).until(() -> Boolean.TRUE.equals(plc.value("Line1/Safety/ZoneOccupied")));
      assertTrue((Double) plc.value("Line1/Safety/PersonDistance") < 1.5);
    }
  }

  @Test
  void thePlcRestartFaultTakesThePlcAwayAndBringsItBackOnTheSamePort() throws Exception {
    String url = cell.endpoints().opcUaUrl();
    try (PlcTestClient plc = PlcTestClient.connect(url)) {
      cell.inject(new Fault.PlcRestart(Duration.ofSeconds(20)));
      await().atMost(20, SECONDS).until(() -> !cell.plc().running());
      await().atMost(30, SECONDS).until(() -> cell.plc().running());
      assertEquals(url, cell.endpoints().opcUaUrl());
      await().atMost(60, SECONDS).ignoreExceptions().until(() -> plc.value("Line1/StateText") != null);
    }
  }

  @Test
  void statsCountPartsImagesAndSensorMessages() {
    await().atMost(40, SECONDS).until(() -> cell.stats().images() >= 1 && cell.stats().parts() >= 2);
    CellStats stats = cell.stats();
    assertTrue(stats.sensorMessages() > 0);
    assertTrue(stats.summary().contains("parts " + stats.parts()), stats.summary());
  }
}
