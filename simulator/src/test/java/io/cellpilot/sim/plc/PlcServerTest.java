package io.cellpilot.sim.plc;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.faults.Fault;
import io.cellpilot.sim.machines.MachineId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlcServerTest {

  static PlcHarness cell;
  static PlcTestClient client;

  @BeforeAll
  static void startCell() throws Exception {
    cell = new PlcHarness(SimConfig.forTests(7).time(t -> t.scale(10)).build());
    client = PlcTestClient.connect(cell.plc.endpointUrl());
  }

  @AfterAll
  static void stopCell() throws Exception {
    client.close();
    cell.close();
  }

  @Test
  void browsingFromObjectsFindsTheLineAndItsFoldersVariablesAndMethods() throws Exception {
    assertTrue(client.browse(NodeIds.ObjectsFolder).contains("Line1"));
    assertTrue(client.browse(client.node("Line1")).containsAll(
        List.of("State", "StateText", "FaultText", "Start", "Stop", "Reset", "Conveyor", "Pick", "Stations", "Safety",
            "Machines", "MainMeter")));
    assertTrue(client.browse(client.node("Line1/Machines/Press/Power")).containsAll(
        List.of("ActivePower", "EnergyTotal", "Voltage", "Current")));
  }

  @Test
  void theLineRunsAndPartsAreCounted() {
    await().atMost(20, SECONDS).until(() -> "RUNNING".equals(client.value("Line1/StateText")));
    await().atMost(20, SECONDS).until(() -> ((UInteger) client.value("Line1/Conveyor/PartCount")).longValue() >= 2);
    await().atMost(20, SECONDS).until(() -> ((String) client.value("Line1/Conveyor/PartId")).startsWith("L1-"));
  }

  @Test
  void aSubscriptionDeliversPartCountChanges() throws Exception {
    OpcUaSubscription subscription = new OpcUaSubscription(client.client, 50.0);
    subscription.create();
    OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(client.node("Line1/Conveyor/PartCount"));
    item.setSamplingInterval(50.0);
    List<Long> counts = new CopyOnWriteArrayList<>();
    item.setDataValueListener((i, v) -> counts.add(((UInteger) v.value().value()).longValue()));
    subscription.addMonitoredItem(item);
    subscription.synchronizeMonitoredItems();

    await().atMost(30, SECONDS).until(() -> counts.size() >= 3);
    subscription.delete();
    assertTrue(counts.get(counts.size() - 1) > counts.get(0), "counts grow: " + counts);
  }

  @Test
  void theSpeedSetpointAcceptsGoodValuesAndRefusesBadOnesWithTheRightStatus() throws Exception {
    assertEquals(StatusCode.GOOD, client.write("Line1/Conveyor/SpeedSetpoint", Variant.ofDouble(0.3)));
    await().atMost(10, SECONDS).until(() -> client.value("Line1/Conveyor/SpeedSetpoint").equals(0.3));

    assertStatus(StatusCodes.Bad_OutOfRange, client.write("Line1/Conveyor/SpeedSetpoint", Variant.ofDouble(7.5)));
    assertStatus(StatusCodes.Bad_OutOfRange, client.write("Line1/Conveyor/SpeedSetpoint", Variant.ofDouble(0.0)));
    assertStatus(StatusCodes.Bad_TypeMismatch, client.write("Line1/Conveyor/SpeedSetpoint", Variant.ofInt32(1)));
    assertStatus(StatusCodes.Bad_TypeMismatch, client.write("Line1/Conveyor/SpeedSetpoint", Variant.ofString("fast")));
    assertStatus(StatusCodes.Bad_NotWritable, client.write("Line1/Conveyor/Speed", Variant.ofDouble(0.3)));
    assertStatus(StatusCodes.Bad_NotWritable, client.write("Line1/State", Variant.ofInt32(2)));
    assertEquals(0.3, client.value("Line1/Conveyor/SpeedSetpoint"));
  }

  @Test
  void methodsValidateTheirArgumentsAndTheLineState() throws Exception {
    assertStatus(StatusCodes.Bad_NotFound,
        client.call("Line1/Pick", "Line1/Pick/RequestStop", Variant.ofString("L1-0000-999999")).getStatusCode());
    assertStatus(StatusCodes.Bad_InvalidArgument,
        client.call("Line1/Pick", "Line1/Pick/RequestStop", Variant.ofString("")).getStatusCode());
    assertStatus(StatusCodes.Bad_ArgumentsMissing, client.call("Line1/Pick", "Line1/Pick/RequestStop").getStatusCode());
    assertStatus(StatusCodes.Bad_InvalidArgument,
        client.call("Line1/Pick", "Line1/Pick/RequestStop", Variant.ofInt32(4)).getStatusCode());
    assertStatus(StatusCodes.Bad_InvalidState, client.call("Line1/Pick", "Line1/Pick/Release").getStatusCode());
    assertStatus(StatusCodes.Bad_InvalidState, client.call("Line1", "Line1/Reset").getStatusCode());
  }

  @Test
  void aFaultedLineRefusesStartUntilReset() throws Exception {
    cell.model.inject(new Fault.MachineTrip(MachineId.PRESS, "motor overload"));
    await().atMost(10, SECONDS).until(() -> "FAULTED".equals(client.value("Line1/StateText")));
    assertEquals("Press: motor overload", client.value("Line1/FaultText"));

    assertStatus(StatusCodes.Bad_InvalidState, client.call("Line1", "Line1/Start").getStatusCode());
    assertEquals(StatusCode.GOOD, client.call("Line1", "Line1/Reset").getStatusCode());
    await().atMost(10, SECONDS).until(() -> "STOPPED".equals(client.value("Line1/StateText")));
    assertEquals(StatusCode.GOOD, client.call("Line1", "Line1/Start").getStatusCode());
    await().atMost(10, SECONDS).until(() -> "RUNNING".equals(client.value("Line1/StateText")));
    assertEquals(StatusCode.GOOD, client.call("Line1", "Line1/Stop").getStatusCode());
    await().atMost(10, SECONDS).until(() -> "STOPPED".equals(client.value("Line1/StateText")));
    assertEquals(StatusCode.GOOD, client.call("Line1", "Line1/Start").getStatusCode());
  }

  @Test
  void aTakenPortFailsTheStartNamingTheEndpoint() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      SimConfig config = SimConfig.forTests(1).plc(p -> p.port(taken.getLocalPort())).build();
      PlcServer second = new PlcServer(config.plc(), PlcControl.of(cell.model), cell.model::snapshot);
      io.cellpilot.sim.SimException e = org.junit.jupiter.api.Assertions.assertThrows(
          io.cellpilot.sim.SimException.class, second::start);
      assertTrue(e.getMessage().contains("opc.tcp://127.0.0.1:" + taken.getLocalPort()), e.getMessage());
      assertTrue(!second.running());
    }
  }

  static void assertStatus(long expected, StatusCode actual) {
    assertEquals(new StatusCode(expected), actual,
        () -> "expected " + StatusCodes.lookup(expected).map(s -> s[0]).orElse("?") + " but was " + actual);
  }
}
