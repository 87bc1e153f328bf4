package io.cellpilot.opcua.simplc;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.opcua.client.CallResult;
import io.cellpilot.opcua.client.MethodCall;
import io.cellpilot.opcua.client.OpcUaPlcClient;
import io.cellpilot.opcua.client.Quality;
import io.cellpilot.opcua.client.TagValue;
import io.cellpilot.opcua.client.TagWrite;
import io.cellpilot.opcua.client.WriteResult;
import io.cellpilot.opcua.config.Scaling;
import io.cellpilot.opcua.config.TagConfig;
import io.cellpilot.sim.SimulatedCell;
import io.cellpilot.sim.faults.Fault;
import io.cellpilot.sim.line.PartFate;
import io.cellpilot.sim.machines.MachineId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway against the simulator's PLC (a Milo server written independently from docs/wire-contracts.md): subscribe,
 * read, write and call exactly as the controller will. One cell and one client for the class; each test starts from a
 * running line.
 */
class SimulatedPlcTest {
  @TempDir
  static Path dir;
  static SimulatedCell cell;
  static OpcUaPlcClient client;

  @BeforeAll
  static void startCellAndConnect() {
    // Time x4: parts enter every 0.5 s of wall time, so the line visibly moves within a test.
    cell = SimPlc.startPlcOnly(7, c -> c.time(t -> t.scale(4)));
    client = new OpcUaPlcClient(SimPlc.gateway("line1", cell, dir.resolve("pki"))
        .tag(SimPlc.tag("misspelt", "Line1/Conveyor/Sped"))
        // The belt setpoint in mm/s, as some HMIs show it: writes are scaled back to the PLC's m/s.
        .tag(TagConfig.builder("setpoint-mm").nodeId(SimPlc.node("Line1/Conveyor/SpeedSetpoint"))
            .scaling(new Scaling(0, 1, 0, 1000)).unit("mm/s").subscribe(false))
        .build());
    client.start();
    await().atMost(20, SECONDS).until(() -> client.status().isConnected());
  }

  @AfterAll
  static void closeAll() {
    if (client != null) {
      client.close();
    }
    if (cell != null) {
      cell.close();
    }
  }

  @BeforeEach
  void lineIsRunning() {
    await().atMost(10, SECONDS).until(() -> client.current("state-text").isGood());
    if ("FAULTED".equals(client.current("state-text").value())) {
      assertGood(call(SimPlc.reset()));
    }
    assertGood(call(SimPlc.start()));
    await().atMost(10, SECONDS).until(() -> "RUNNING".equals(client.current("state-text").value()));
  }

  @Test
  void everySubscribedTagDeliversTheWireContractTypeWhileAMisspeltNodeReportsNotFound() {
    // setpoint-mm is read on demand only (subscribe: false), so it has no delivered value.
    List<String> wanted = client.snapshot().keySet().stream()
        .filter(t -> !t.equals("misspelt") && !t.equals("setpoint-mm")).toList();
    await().atMost(10, SECONDS).until(() -> wanted.stream().allMatch(t -> client.current(t).isGood()));
    assertInstanceOf(Integer.class, client.current("state").value(), "Int32");
    assertEquals(1, client.current("state").value());
    assertEquals(Boolean.TRUE, client.current("running").value());
    assertInstanceOf(Double.class, client.current("speed").value());
    assertEquals("m/s", client.current("speed").unit());
    assertInstanceOf(Long.class, client.current("part-count").value(), "UInt32 widens to Long");
    assertInstanceOf(String.class, client.current("held-part-id").value());
    assertTrue(Set.of("IDLE", "ACCELERATING", "RUNNING", "FAULTED").contains(client.current("robot-state").value()));
    assertInstanceOf(Double.class, client.current("press-temperature").value(), "resolved from its browse path");
    assertTrue(client.current("press-temperature").sourceTime() != null, "the PLC stamps its source time");

    // One wrong node id hides nothing else, and says what is wrong.
    TagValue misspelt = client.current("misspelt");
    assertEquals(Quality.Reason.NOT_FOUND, misspelt.quality().reason(), misspelt.toString());
    assertEquals("Bad_NodeIdUnknown", misspelt.quality().status().name());
    assertTrue(misspelt.quality().detail().contains(SimPlc.node("Line1/Conveyor/Sped"))
        && misspelt.quality().detail().contains("cellpilot.plcs.line1.tags.misspelt"), misspelt.quality().detail());
    assertNull(misspelt.value());
  }

  @Test
  void theSubscriptionFollowsTheRunningLineAndEveryPartIdIsARealPart() throws Exception {
    List<TagValue> counts = new CopyOnWriteArrayList<>();
    List<TagValue> energy = new CopyOnWriteArrayList<>();
    List<TagValue> partIds = new CopyOnWriteArrayList<>();
    try (var a = client.subscribe("part-count", counts::add); var b = client.subscribe("main-energy", energy::add);
         var c = client.subscribe("part-id", partIds::add)) {
      await().atMost(15, SECONDS).until(() -> distinctGood(counts).size() >= 3 && distinctGood(partIds).size() >= 3);
      List<Long> seen = good(counts).stream().map(v -> (Long) v.value()).toList();
      for (int i = 1; i < seen.size(); i++) {
        assertTrue(seen.get(i) > seen.get(i - 1), "PartCount only grows: " + seen);
      }
      List<Double> kwh = good(energy).stream().map(TagValue::asDouble).toList();
      for (int i = 1; i < kwh.size(); i++) {
        assertTrue(kwh.get(i) >= kwh.get(i - 1), "EnergyTotal is monotonic: " + kwh);
      }
      for (Object id : distinctGood(partIds)) {
        if (!"".equals(id)) {
          assertTrue(cell.groundTruth((String) id).isPresent(), "the simulator made part " + id);
        }
      }
      // Source timestamps come from the PLC's (simulated) clock, which started with the cell and runs forward.
      Instant epoch = cell.clock().epoch();
      List<Instant> stamps = good(counts).stream().map(TagValue::sourceTime).toList();
      assertTrue(stamps.stream().allMatch(t -> !t.isBefore(epoch)), stamps + " vs epoch " + epoch);
      for (int i = 1; i < stamps.size(); i++) {
        assertTrue(!stamps.get(i).isBefore(stamps.get(i - 1)), "source times go forward: " + stamps);
      }
    }
  }

  @Test
  void aReadAsksThePlcNowAndAnswersPerTag() {
    long counted = client.current("part-count").isGood() ? (Long) client.current("part-count").value() : 0;
    List<TagValue> read = client.read(List.of("state-text", "part-count", "misspelt", "no-such-tag",
        "press-temperature", "setpoint-mm"));
    assertEquals("RUNNING", read.get(0).value());
    assertTrue((Long) read.get(1).value() >= counted, read.get(1) + " read after " + counted + " was delivered");
    assertEquals(Quality.Reason.NOT_FOUND, read.get(2).quality().reason(), read.get(2).toString());
    assertEquals(Quality.Reason.NOT_CONFIGURED, read.get(3).quality().reason());
    assertTrue(read.get(3).quality().detail().contains("cellpilot.plcs.line1.tags.no-such-tag"),
        read.get(3).quality().detail());
    assertTrue(read.get(4).isGood() && read.get(4).value() instanceof Double, read.get(4).toString());
    // A tag that is only read on demand (subscribe: false) is read all the same, in engineering units.
    assertTrue(read.get(5).isGood(), read.get(5).toString());
    assertEquals("mm/s", read.get(5).unit());
  }

  @Test
  void writesAnswerPerItemWithTheStatusTheWireContractNames() {
    List<WriteResult> results = client.write(List.of(
        new TagWrite("speed-setpoint", "fast"),
        new TagWrite("speed-setpoint", 1.5),
        new TagWrite("speed", 0.3),
        new TagWrite("setpoint-mm", 2000.0),
        new TagWrite("no-such-tag", 0.3),
        new TagWrite("speed-setpoint", 0.35)));
    assertEquals("Bad_TypeMismatch", results.get(0).status().name(), results.get(0).toString());
    assertEquals("Bad_OutOfRange", results.get(1).status().name(), results.get(1).toString());
    // The simulated PLC grants every user what AccessLevel allows, so read-only is Bad_NotWritable here.
    assertEquals("Bad_NotWritable", results.get(2).status().name(), results.get(2).toString());
    assertEquals("Bad_OutOfRange", results.get(3).status().name(), "2000 mm/s is 2 m/s at the PLC");
    assertEquals("Bad_NodeIdUnknown", results.get(4).status().name());
    assertTrue(results.get(5).isGood(), results.get(5).toString());

    assertEquals(0.35, client.read(List.of("speed-setpoint")).get(0).asDouble(), 1e-9);
    // The belt ramps to the new setpoint (0.5 m/s^2 simulated): the PLC acted on the write, not just stored it.
    await().atMost(10, SECONDS).until(() -> client.current("speed").isGood()
        && Math.abs(client.current("speed").asDouble() - 0.35) < 1e-3);

    // A whole number converts to the node's Double; a scaled tag writes raw units.
    assertTrue(client.write(List.of(new TagWrite("speed-setpoint", 1))).get(0).isGood());
    assertTrue(client.write(List.of(new TagWrite("setpoint-mm", 200))).get(0).isGood());
    List<TagValue> back = client.read(List.of("speed-setpoint", "setpoint-mm"));
    assertEquals(0.2, back.get(0).asDouble(), 1e-9);
    assertEquals(200.0, back.get(1).asDouble(), 1e-6);
  }

  @Test
  void startStopAndResetMoveTheLineAsTheWireContractSays() {
    assertGood(call(SimPlc.stop()));
    await().atMost(10, SECONDS).until(() -> "STOPPED".equals(client.current("state-text").value())
        && Integer.valueOf(0).equals(client.current("state").value()));
    assertEquals("Bad_InvalidState", call(SimPlc.reset()).status().name(), "Reset is for a faulted line");

    cell.inject(new Fault.MachineTrip(MachineId.PRESS, "motor overload"));
    await().atMost(10, SECONDS).until(() -> "FAULTED".equals(client.current("state-text").value())
        && Integer.valueOf(2).equals(client.current("state").value()));
    await().atMost(10, SECONDS).until(() -> String.valueOf(client.current("fault-text").value())
        .contains("motor overload"));
    assertEquals("Bad_InvalidState", call(SimPlc.start()).status().name(), "a faulted line needs Reset first");

    assertGood(call(SimPlc.reset()));
    await().atMost(10, SECONDS).until(() -> "STOPPED".equals(client.current("state-text").value())
        && "".equals(client.current("fault-text").value()));
    assertGood(call(SimPlc.start()));
    await().atMost(10, SECONDS).until(() -> "RUNNING".equals(client.current("state-text").value())
        && Boolean.TRUE.equals(client.current("running").value()));
  }

  @Test
  void aRequestedPartIsHeldAtThePickPositionUntilReleasedAndUnknownPartsAreNotFound() {
    // The first part reaches the camera (1.4 m) about 1.75 s after the cell starts at x4.
    await().atMost(15, SECONDS).until(() -> client.current("part-id").isGood()
        && !"".equals(client.current("part-id").value()));
    // Stop the belt so that the part under the camera cannot pass the pick position before the request lands.
    assertGood(call(SimPlc.stop()));
    await().atMost(10, SECONDS).until(() -> client.current("speed").isGood()
        && client.current("speed").asDouble() == 0.0);
    String partId = (String) client.read(List.of("part-id")).get(0).value();
    assertTrue(partId != null && !partId.isEmpty(), "a part has passed the camera");

    List<CallResult> results = client.call(List.of(SimPlc.requestStop(partId), SimPlc.requestStop("L1-0000-999999"),
        SimPlc.requestStop(""), SimPlc.release()));
    assertGood(results.get(0));
    assertEquals("Bad_NotFound", results.get(1).status().name(), results.get(1).toString());
    assertEquals("Bad_InvalidArgument", results.get(2).status().name(), results.get(2).toString());
    assertEquals("Bad_InvalidState", results.get(3).status().name(), "nothing is held yet");

    assertGood(call(SimPlc.start()));
    await().atMost(15, SECONDS).until(() -> Boolean.TRUE.equals(client.current("holding").value())
        && partId.equals(client.current("held-part-id").value()));
    await().atMost(10, SECONDS).until(() -> client.current("speed").asDouble() == 0.0);
    assertEquals(PartFate.ON_BELT, cell.groundTruth(partId).orElseThrow().fate(), "no robot took it");

    assertGood(call(SimPlc.release()));
    await().atMost(10, SECONDS).until(() -> Boolean.FALSE.equals(client.current("holding").value())
        && client.current("speed").asDouble() > 0.0);
  }

  private static CallResult call(MethodCall call) {
    return client.call(List.of(call)).get(0);
  }

  private static void assertGood(CallResult result) {
    assertTrue(result.isGood(), result.toString());
  }

  private static List<TagValue> good(List<TagValue> values) {
    return values.stream().filter(TagValue::isGood).toList();
  }

  private static Set<Object> distinctGood(List<TagValue> values) {
    return good(values).stream().map(TagValue::value).filter(Objects::nonNull).collect(Collectors.toSet());
  }
}
