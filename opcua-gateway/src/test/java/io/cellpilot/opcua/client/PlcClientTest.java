package io.cellpilot.opcua.client;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.opcua.config.Deadband;
import io.cellpilot.opcua.config.IdentityConfig;
import io.cellpilot.opcua.config.PlcConfig;
import io.cellpilot.opcua.config.Scaling;
import io.cellpilot.opcua.config.TagConfig;
import io.cellpilot.opcua.testserver.TestPki;
import io.cellpilot.opcua.testserver.TestPlcServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway against a real in-process Milo server over loopback, with SignAndEncrypt and a user. */
class PlcClientTest {
  static final String NS = "nsu=" + TestPlcServer.NAMESPACE + ";s=Plant/";

  @TempDir
  static Path dir;
  static TestPlcServer plc;
  static OpcUaPlcClient client;
  static final List<TagValue> received = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void connect() {
    plc = TestPlcServer.start(dir.resolve("plc-pki"));
    plc.set("Counter", 7);
    plc.set("Raw", 13824);
    TestPki.trustServer(dir.resolve("plc-pki"), dir.resolve("pki"));
    PlcConfig config = PlcConfig.builder("plc1")
        .endpoint(plc.endpoint())
        .identity(new IdentityConfig.UserPassword("operator", "operator-pw"))
        .pkiDir(dir.resolve("pki"))
        .defaultNamespace(TestPlcServer.NAMESPACE)
        .tag(TagConfig.builder("counter").nodeId(NS + "Counter").samplingInterval(Duration.ofMillis(50)))
        .tag(TagConfig.builder("temperature").browsePath("Plant/Temperature"))
        .tag(TagConfig.builder("level").nodeId(NS + "Raw").scaling(new Scaling(0, 27648, 0, 100)).unit("%"))
        .tag(TagConfig.builder("total").nodeId(NS + "Total"))
        .tag(TagConfig.builder("name").nodeId(NS + "Name"))
        .tag(TagConfig.builder("damped").nodeId(NS + "Temperature").samplingInterval(Duration.ofMillis(50))
            .deadband(Deadband.absolute(1.0)))
        .tag(TagConfig.builder("setpoint").nodeId(NS + "Setpoint").subscribe(false))
        .tag(TagConfig.builder("ghost").nodeId(NS + "NoSuchNode"))
        .tag(TagConfig.builder("lost").browsePath("Plant/Nowhere"))
        .build();
    client = new OpcUaPlcClient(config);
    client.subscribeAll(received::add);
    client.start();
    await().atMost(20, SECONDS).until(() -> client.status().isConnected());
  }

  @AfterAll
  static void close() {
    client.close();
    plc.close();
  }

  @Test
  void subscribedTagsDeliverGoodValuesWhileUnknownNodesReportNotFound() {
    await().atMost(10, SECONDS).until(() -> client.current("counter").isGood()
        && client.current("level").isGood() && client.current("temperature").isGood());
    assertEquals(7, client.current("counter").value());
    assertEquals(50.0, client.current("level").asDouble(), 1e-9);
    assertEquals("%", client.current("level").unit());
    assertEquals(0L, client.current("total").value(), "UInt32 widens to Long");
    await().atMost(10, SECONDS).until(() -> client.current("ghost").quality().reason() == Quality.Reason.NOT_FOUND);
    TagValue ghost = client.current("ghost");
    assertNull(ghost.value());
    assertTrue(ghost.quality().detail().contains("NoSuchNode") || ghost.quality().status().name().contains("NodeId"),
        ghost.quality().toString());
    assertEquals(Quality.Reason.NOT_FOUND, client.current("lost").quality().reason());
  }

  @Test
  void valueChangesReachListenersWithSourceTimestamps() {
    List<TagValue> names = new CopyOnWriteArrayList<>();
    client.subscribe("name", names::add);
    plc.set("Name", "press-7");
    await().atMost(10, SECONDS).until(() -> names.stream().anyMatch(v -> "press-7".equals(v.value())));
    TagValue v = names.stream().filter(x -> "press-7".equals(x.value())).findFirst().orElseThrow();
    assertTrue(v.isGood());
    assertTrue(v.serverTime() != null || v.sourceTime() != null);
  }

  @Test
  void anAbsoluteDeadbandSuppressesSmallChanges() {
    List<Object> damped = new CopyOnWriteArrayList<>();
    client.subscribe("damped", v -> damped.add(v.value()));
    plc.set("Temperature", 30.0);
    await().atMost(10, SECONDS).until(() -> damped.contains(30.0));
    plc.set("Temperature", 30.4);
    // Ten sampling intervals: a server without the filter would have reported 30.4 by then.
    await().during(500, MILLISECONDS).atMost(5, SECONDS).until(() -> !damped.contains(30.4));
    plc.set("Temperature", 32.0);
    await().atMost(10, SECONDS).until(() -> damped.contains(32.0));
  }

  @Test
  void writesReportTheServersStatusPerItemWithoutFailingTheBatch() {
    List<WriteResult> results = client.write(List.of(
        new TagWrite("temperature", 21.5),
        new TagWrite("counter", "not a number"),
        new TagWrite("total", 5L),
        new TagWrite("nope", 1),
        new TagWrite("level", 25.0),
        new TagWrite("setpoint", 9L)));
    assertTrue(results.get(0).isGood(), results.get(0).toString());
    assertEquals("Bad_TypeMismatch", results.get(1).status().name());
    // Milo checks the user's access level first, so a read-only node answers Bad_UserAccessDenied for a user.
    assertTrue(List.of("Bad_NotWritable", "Bad_UserAccessDenied").contains(results.get(2).status().name()),
        results.get(2).toString());
    assertEquals(Quality.Reason.ACCESS, Quality.fromStatus(results.get(2).status().code()).reason());
    assertEquals("Bad_NodeIdUnknown", results.get(3).status().name());
    assertTrue(results.get(4).isGood(), "scaled write goes back to raw: " + results.get(4));
    assertTrue(results.get(5).isGood(), "a Long that fits Int32 is converted: " + results.get(5));
    List<TagValue> read = client.read(List.of("temperature", "level", "ghost", "nope", "setpoint"));
    assertEquals(9, read.get(4).value());
    assertEquals(21.5, read.get(0).asDouble(), 1e-9);
    assertEquals(25.0, read.get(1).asDouble(), 1e-6);
    assertFalse(read.get(2).isGood());
    assertEquals(Quality.Reason.NOT_CONFIGURED, read.get(3).quality().reason());
  }

  @Test
  void methodCallsReturnOutputsOrTheServersStatus() {
    String plant = "nsu=" + TestPlcServer.NAMESPACE + ";s=Plant";
    List<CallResult> results = client.call(List.of(
        MethodCall.of(plant, NS + "Add(a,b)", 2, 3),
        MethodCall.of(plant, NS + "Fail()"),
        MethodCall.of(plant, NS + "Add(a,b)", "two", 3),
        MethodCall.of(plant, "nsu=urn:nowhere;s=X")));
    assertTrue(results.get(0).isGood(), results.get(0).toString());
    assertEquals(List.of(5), results.get(0).outputs());
    assertEquals("Bad_InvalidState", results.get(1).status().name());
    assertTrue(results.get(2).status().isBad(), results.get(2).toString());
    assertEquals("Bad_NodeIdUnknown", results.get(3).status().name());
  }
}
