package io.cellpilot.controller.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.cellserver.CellServerSettings;
import io.cellpilot.controller.plc.LineSettings;
import io.cellpilot.controller.plc.PlcSettings;
import io.cellpilot.controller.robot.RobotSettings;
import io.cellpilot.controller.status.StatusSettings;
import io.cellpilot.opcua.config.IdentityConfig;
import io.cellpilot.opcua.config.PlcConfig;
import io.cellpilot.opcua.config.SecurityMode;
import io.cellpilot.opcua.config.TagAddress;
import io.cellpilot.status.mqtt.MqttConfig;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wired devices' keys: mapped onto each library's configuration, and every problem named by its key. */
class WiringConfigTest {

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Map<String, Object> plc(Object... more) {
    Map<String, Object> m = map("cellpilot.plcs.plc.endpoint", "opc.tcp://plc:4840",
        "cellpilot.plcs.plc.default-namespace", "urn:cellpilot:sim:plc",
        "cellpilot.plcs.plc.tags.line-state.node-id", "Line1/State");
    m.putAll(map(more));
    return m;
  }

  private static List<String> problems(Map<String, Object> flat) {
    return assertThrows(ConfigException.class, () -> ConfigValidator.validate(flat)).problems();
  }

  @Test
  void plcKeysAreTheGatewaysAndABareNodeIdLivesInTheDefaultNamespace() {
    ConfigTree tree = ConfigValidator.validate(plc(
        "cellpilot.plcs.plc.identity.type", "username",
        "cellpilot.plcs.plc.identity.username", "cell",
        "cellpilot.plcs.plc.identity.password", "secret",
        "cellpilot.plcs.plc.tags.speed.node-id", "nsu=urn:other;s=Speed",
        "cellpilot.plcs.plc.tags.speed.sampling-interval", "50ms",
        "cellpilot.plcs.plc.tags.speed.deadband.type", "absolute",
        "cellpilot.plcs.plc.tags.speed.deadband.value", 0.01));
    PlcConfig gateway = PlcSettings.plc(tree, "plc");
    assertEquals("opc.tcp://plc:4840", gateway.endpoint().toString());
    assertEquals(SecurityMode.SignAndEncrypt, gateway.securityMode(), "secure by default");
    assertEquals(new IdentityConfig.UserPassword("cell", "secret"), gateway.identity());
    assertEquals(new TagAddress.ByNodeId("nsu=urn:cellpilot:sim:plc;s=Line1/State"),
        gateway.tags().get("line-state").address());
    assertEquals(new TagAddress.ByNodeId("nsu=urn:other;s=Speed"), gateway.tags().get("speed").address());
    assertEquals(Duration.ofMillis(50), gateway.tags().get("speed").samplingInterval());
    assertEquals(Duration.ofSeconds(6), gateway.lossDetectionBound());
  }

  @Test
  void theGatewaysOwnRulesStopStartUpNamingTheKey() {
    assertEquals(List.of("cellpilot.plcs.plc.security-mode must be None exactly when security-policy is None, was "
        + "None with policy Basic256Sha256"), problems(plc("cellpilot.plcs.plc.security-mode", "None")));
    assertEquals(List.of("cellpilot.plcs.plc.tags.pump.node-id 'Line1/Pump' names no namespace (write "
            + "nsu=<uri>;s=Line1/Pump) and cellpilot.plcs.plc.default-namespace is not set"),
        problems(map("cellpilot.plcs.plc.endpoint", "opc.tcp://plc:4840",
            "cellpilot.plcs.plc.tags.pump.node-id", "Line1/Pump")).subList(0, 1));
    assertTrue(problems(plc("cellpilot.plcs.plc.identity.type", "username")).contains(
        "cellpilot.plcs.plc.identity.username is required"));
  }

  @Test
  void theLineDefaultsToTheWireContractAndItsTagsMustBeConfiguredPlcTags() {
    ConfigTree tree = ConfigValidator.validate(plc());
    LineSettings line = LineSettings.of(tree).orElseThrow();
    assertEquals("plc", line.plc());
    assertEquals("nsu=urn:cellpilot:sim:plc;s=Line1/Pick/RequestStop", line.requestStopMethod());
    assertEquals("nsu=urn:cellpilot:sim:plc;s=Line1", line.object());
    assertEquals(List.of("cellpilot.line.state-tag names 'plc.state', which is not a configured PLC tag "
        + "(<plc>.<tag> under cellpilot.plcs.<plc>.tags)"), problems(plc("cellpilot.line.state-tag", "plc.state")));
  }

  @Test
  void aRobotsMistakesAreNamedTogether() {
    List<String> p = problems(plc(
        "cellpilot.robots.r1.reject-pick.pick", List.of(0.45, -0.25, 0.05, 2.22, 2.22, 0.0),
        "cellpilot.robots.r1.reject-pick.linear-speed", 0.8,
        "cellpilot.robots.r1.zone.occupied-tag", "plc.zone",
        "cellpilot.robots.r1.workspace.min", List.of(0.0, 0.0)));
    assertTrue(p.contains("cellpilot.robots.r1.reject-pick.bin is required with cellpilot.robots.r1.reject-pick.pick"),
        p.toString());
    assertTrue(p.contains("cellpilot.robots.r1.zone.occupied-tag names 'plc.zone', which is not a configured PLC tag "
        + "(<plc>.<tag> under cellpilot.plcs.<plc>.tags)"), p.toString());
    assertTrue(p.contains("cellpilot.robots.r1.workspace.min and cellpilot.robots.r1.workspace.max need 3 values x, "
        + "y, z each, had 2 and 3"), p.toString());
  }

  @Test
  void aPickFasterThanTheGuardAllowsIsRefusedAtStartNotAtTheFirstDefect() {
    List<String> p = problems(plc(
        "cellpilot.plcs.plc.tags.pick-holding.node-id", "Line1/Pick/Holding",
        "cellpilot.plcs.plc.tags.held-part-id.node-id", "Line1/Pick/HeldPartId",
        "cellpilot.robots.r1.max-tcp-speed", 0.25,
        "cellpilot.robots.r1.reject-pick.pick", List.of(0.45, -0.25, 0.05, 2.22, 2.22, 0.0),
        "cellpilot.robots.r1.reject-pick.bin", List.of(-0.3, -0.45, 0.2, 2.22, 2.22, 0.0)));
    assertEquals(List.of("cellpilot.robots.r1.reject-pick.linear-speed (0.4 m/s) must not exceed "
        + "cellpilot.robots.r1.max-tcp-speed (0.25 m/s), or the guard refuses every pick"), p);
  }

  @Test
  void theRobotThatPicksRejectsNeedsItsPosesAndThePickHandshakeTags() {
    List<String> p = problems(plc("cellpilot.robots.r1.host", "10.0.0.3"));
    assertTrue(p.contains("cellpilot.robots.r1.reject-pick.pick and .bin are required: r1 picks rejected parts "
        + "(cellpilot.inspection.robot)"), p.toString());
    assertTrue(p.contains("cellpilot.line.pick.holding-tag names 'plc.pick-holding', which is not a configured PLC "
        + "tag (<plc>.<tag> under cellpilot.plcs.<plc>.tags)"), p.toString());
  }

  @Test
  void aRobotMapsOntoTheDriverAndGuardRecords() {
    ConfigTree tree = ConfigValidator.validate(plc(
        "cellpilot.plcs.plc.tags.pick-holding.node-id", "Line1/Pick/Holding",
        "cellpilot.plcs.plc.tags.held-part-id.node-id", "Line1/Pick/HeldPartId",
        "cellpilot.plcs.plc.tags.zone.node-id", "Line1/Safety/ZoneOccupied",
        "cellpilot.robots.r1.host", "10.0.0.3",
        "cellpilot.robots.r1.rtde-port", 31004,
        "cellpilot.robots.r1.forbidden-zones.feeder.min", List.of(-0.45, -0.2, 0.3),
        "cellpilot.robots.r1.forbidden-zones.feeder.max", List.of(-0.35, 0.0, 0.6),
        "cellpilot.robots.r1.zone.occupied-tag", "plc.zone",
        "cellpilot.robots.r1.reject-pick.pick", "0.45, -0.25, 0.05, 2.22, 2.22, 0",
        "cellpilot.robots.r1.reject-pick.bin", List.of(-0.3, -0.45, 0.2, 2.22, 2.22, 0.0)));
    RobotSettings r = RobotSettings.of(tree, "r1");
    assertEquals(31004, r.driver().rtdePort());
    assertEquals(0.5, r.driver().limits().maxTcpSpeed());
    assertEquals(1, r.driver().limits().forbiddenZones().size());
    assertEquals(0.45, r.pick().orElseThrow().pick().x());
    assertEquals("plc.zone", r.zone().orElseThrow().occupiedTag());
    assertEquals(Duration.ofMillis(500), r.driver().limits().zoneMaxAge());
    assertTrue(!r.autoActivate(), "an operator activates a real robot unless configured otherwise");
  }

  @Test
  void statusKeysMapOntoThePublishersRecordsWithTheControllersNames() {
    ConfigTree tree = ConfigValidator.validate(map("cellpilot.site", "plant1", "cellpilot.cell", "cell-7",
        "cellpilot.status.outbox.max-bytes", "64MB", "cellpilot.status.outbox.segment-bytes", "4MB"));
    assertEquals(64L << 20, StatusSettings.status(tree).outbox().maxBytes());
    MqttConfig mqtt = StatusSettings.mqtt(tree, URI.create("tcp://127.0.0.1:41883"), null, null);
    assertEquals("tcp://127.0.0.1:41883", mqtt.serverUri());
    assertEquals("cellpilot-cell-7", mqtt.clientIdPrefix());
    assertEquals(List.of("cellpilot.site must be 1-64 letters, digits, '_', '.' or '-' (no '/', '+', '#'), was "
        + "'plant/1'"), problems(map("cellpilot.site", "plant/1")));
    assertEquals(List.of("cellpilot.mqtt.tls.* is set but cellpilot.mqtt.broker-url is not ssl://"),
        problems(map("cellpilot.mqtt.broker-url", "tcp://broker:1883", "cellpilot.mqtt.tls.key-store-password", "x",
            "cellpilot.mqtt.tls.ca-file", "pom.xml")));
  }

  @Test
  void theCellServerIsOffUnlessEnabledAndThenNeedsAUser() {
    assertTrue(!CellServerSettings.enabled(ConfigValidator.validate(map())));
    assertEquals(List.of("cellpilot.opcua-server.users must define at least one user unless "
        + "cellpilot.opcua-server.allow-anonymous is true"), problems(map("cellpilot.opcua-server.enabled", true)));
    assertEquals(List.of("cellpilot.opcua-server.users.scada needs a password of at least 8 characters"),
        problems(map("cellpilot.opcua-server.enabled", true, "cellpilot.opcua-server.users.scada", "short")));
  }

  @Test
  void energyTagsMustBeDeliveredByAPlcOrAnMqttMappingAndTheGridFactorIsRanged() {
    assertEquals(List.of("cellpilot.energy.grid-factor must be between 0 and 2 kg/kWh, was 38"),
        problems(map("cellpilot.energy.grid-factor", 38)));
    List<String> p = problems(plc(
        "cellpilot.mqtt-sources.s.mappings.power.topic", "f/meters/+",
        "cellpilot.mqtt-sources.s.mappings.power.field", "/activePowerKw",
        "cellpilot.mqtt-sources.s.mappings.power.tag", "meter.{1}.power-kw",
        "cellpilot.energy.meters.main.power-tag", "meter.main.power-kw",
        "cellpilot.energy.meters.main.energy-tag", "meter.main.energy-kwh"));
    assertEquals(List.of("cellpilot.energy.part-count-tag names 'plc.part-count', which no PLC tag (<plc>.<tag>) "
            + "and no MQTT mapping's tag delivers",
        "cellpilot.energy.meters.main.energy-tag names 'meter.main.energy-kwh', which no PLC tag (<plc>.<tag>) and "
            + "no MQTT mapping's tag delivers"), p);
  }
}
