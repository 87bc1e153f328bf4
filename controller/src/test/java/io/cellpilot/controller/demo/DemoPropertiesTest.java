package io.cellpilot.controller.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellpilot.sim.CellEndpoints;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoPropertiesTest {
  private static final CellEndpoints SIM = new CellEndpoints("opc.tcp://127.0.0.1:40001/cellpilot",
      "urn:cellpilot:sim:plc", "tcp://127.0.0.1:40002", true, "factory/line1", null,
      Map.of("cobot.dashboard", "127.0.0.1:40003", "cobot.secondary", "127.0.0.1:40004",
          "cobot.rtde", "127.0.0.1:40005"));

  private static final Map<String, Object> FILE = Map.of(
      "cellpilot.data-dir", "data/sim",
      "cellpilot.mqtt.broker-url", "tcp://127.0.0.1:1883",
      "cellpilot.plcs.plc.endpoint", "opc.tcp://127.0.0.1:4840/cellpilot",
      "cellpilot.plcs.plc.tags.part-id.node-id", "Line1/Conveyor/PartId",
      "cellpilot.robots.r1.host", "10.0.0.5",
      "cellpilot.robots.r1.rtde-port", 30004,
      "cellpilot.robots.r1.reject-pick.home", List.of(0, -1.57, 1.57, -1.57, -1.57, 0),
      "cellpilot.models.inspection.package", "deploy/models/inspection.cpkg",
      "cellpilot.models.other.package", "/opt/models/other.cpkg");

  @Test
  void theSimulatorsEndpointsReplaceTheFilesAndEverythingElseIsKept() {
    Map<String, Object> p = DemoProperties.of(FILE, SIM, Path.of("/srv/cellpilot"), Path.of("/tmp/demo"), 0);

    assertEquals("opc.tcp://127.0.0.1:40001/cellpilot", p.get("cellpilot.plcs.plc.endpoint"));
    assertEquals("urn:cellpilot:sim:plc", p.get("cellpilot.plcs.plc.default-namespace"));
    assertEquals("tcp://127.0.0.1:40002", p.get("cellpilot.mqtt.broker-url"));
    assertEquals("127.0.0.1", p.get("cellpilot.robots.r1.host"));
    assertEquals(40003, p.get("cellpilot.robots.r1.dashboard-port"));
    assertEquals(40004, p.get("cellpilot.robots.r1.secondary-port"));
    assertEquals(40005, p.get("cellpilot.robots.r1.rtde-port"));
    assertEquals("/tmp/demo", p.get("cellpilot.data-dir"));
    assertEquals(0, p.get("cellpilot.http.port"));
    assertEquals("Line1/Conveyor/PartId", p.get("cellpilot.plcs.plc.tags.part-id.node-id"));
    assertEquals(FILE.get("cellpilot.robots.r1.reject-pick.home"), p.get("cellpilot.robots.r1.reject-pick.home"));
  }

  @Test
  void relativeModelPackagesAreFoundInTheInstallationAndAbsoluteOnesAreLeftAlone() {
    Map<String, Object> p = DemoProperties.of(FILE, SIM, Path.of("/srv/cellpilot"), Path.of("/tmp/demo"), 0);

    assertEquals(Path.of("/srv/cellpilot/deploy/models/inspection.cpkg").toString(),
        p.get("cellpilot.models.inspection.package"));
    assertEquals("/opt/models/other.cpkg", p.get("cellpilot.models.other.package"));
  }

  @Test
  void aRobotInTheFileWithoutACobotInTheSimulatorIsAClearError() {
    CellEndpoints noCobot = new CellEndpoints(SIM.opcUaUrl(), SIM.opcUaNamespace(), SIM.mqttUri(), true,
        SIM.topicPrefix(), null, Map.of());

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> DemoProperties.of(FILE, noCobot, Path.of("/srv"), Path.of("/tmp/demo"), 0));
    assertEquals("the simulator runs no cobot, but the configuration names a robot", e.getMessage());
  }
}
