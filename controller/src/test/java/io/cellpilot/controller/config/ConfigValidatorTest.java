package io.cellpilot.controller.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidatorTest {

  private static List<String> problems(Map<String, Object> flat) {
    return assertThrows(ConfigException.class, () -> ConfigValidator.validate(flat)).problems();
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void aValueOutOfRangeNamesTheKeyTheRangeAndTheValue() {
    assertEquals(List.of("cellpilot.robots.r1.max-tcp-speed must be between 0 and 3 m/s, was 7.5"),
        problems(map("cellpilot.robots.r1.max-tcp-speed", 7.5)));
  }

  @Test
  void anUnknownKeyIsRefusedWithTheClosestKnownKey() {
    assertEquals(List.of("cellpilot.plcs.plc1.endpoin is not a CellPilot setting "
            + "(did you mean cellpilot.plcs.plc1.endpoint?)",
            "cellpilot.plcs.plc1.endpoint is required: OPC UA endpoint, e.g. opc.tcp://plc:4840"),
        problems(map("cellpilot.plcs.plc1.endpoin", "opc.tcp://plc:4840")));
  }

  @Test
  void aCamelCaseKeyIsRefusedWithTheKebabCaseHint() {
    assertTrue(problems(map("cellpilot.inspection.pairingTimeout", "5s")).get(0)
        .contains("keys are kebab-case"));
  }

  @Test
  void aMissingRequiredKeyOfAConfiguredDeviceIsNamed() {
    assertEquals(List.of("cellpilot.plcs.plc1.endpoint is required: OPC UA endpoint, e.g. opc.tcp://plc:4840"),
        problems(map("cellpilot.plcs.plc1.max-age", "5s")));
  }

  @Test
  void wrongTypesAndWordsAreExplained() {
    List<String> p = problems(map(
        "cellpilot.mqtt-sources.s.qos", "two",
        "cellpilot.mqtt-sources.s.mappings.v.topic", "a/+/b",
        "cellpilot.cameras.c.type", "usb",
        "cellpilot.health.period", "soon"));
    assertTrue(p.contains("cellpilot.mqtt-sources.s.qos must be a whole number, was two"), p.toString());
    assertTrue(p.contains("cellpilot.cameras.c.type must be one of [folder, mqtt], was usb"), p.toString());
    assertTrue(p.contains("cellpilot.health.period must be a duration like 250ms, 5s, 2m or 1h, was soon"),
        p.toString());
  }

  @Test
  void rulesAcrossKeysNameTheKey() {
    List<String> p = problems(map(
        "cellpilot.cameras.c.type", "mqtt",
        "cellpilot.mqtt-sources.s.mappings.v.topic", "a/b#",
        "cellpilot.inspection.robot", "r9",
        "cellpilot.health.machines.press.tags", List.of("press.vibration"),
        "cellpilot.health.machines.press.warning-clear", 5.0));
    assertTrue(p.contains("cellpilot.cameras.c.topic is required for a camera of type mqtt"), p.toString());
    assertTrue(p.contains("cellpilot.mqtt-sources.s.mappings.v.topic may hold '#' only as its whole last level, "
        + "was a/b#"), p.toString());
    assertTrue(p.contains("cellpilot.inspection.robot names 'r9', which is not configured (known: [])"),
        p.toString());
    assertTrue(p.contains("cellpilot.health.machines.press.warning-clear must be below "
        + "cellpilot.health.machines.press.warning-raise (4.0), was 5.0"), p.toString());
  }

  @Test
  void defaultsComeFromTheSchemaWhenAKeyIsAbsent() {
    ConfigTree tree = ConfigValidator.validate(map("cellpilot.mqtt-sources.s.mappings.v.topic", "a/+"));
    assertEquals(Duration.ofSeconds(10), tree.duration("cellpilot.mqtt-sources.s.max-age"));
    assertEquals("/value", tree.string("cellpilot.mqtt-sources.s.mappings.v.field"));
    assertEquals(1, tree.integer("cellpilot.mqtt-sources.s.qos"));
    assertEquals(java.util.Set.of("s"), tree.ids("cellpilot.mqtt-sources"));
  }

  @Test
  void theShippedConfigurationsAreValid() {
    Path deploy = Path.of("..", "deploy");
    for (String name : List.of("cellpilot-sim.yml", "cellpilot-example.yml")) {
      Map<String, Object> flat = ConfigFile.read(deploy.resolve(name), v -> "secret-from-env");
      ConfigTree tree = ConfigValidator.validate(flat);
      assertTrue(tree.ids("cellpilot.cameras").size() >= 1, name);
    }
  }

  @Test
  void aFileWithAnotherTopLevelSectionOrBadYamlIsRefused(@TempDir Path dir) throws Exception {
    Path other = Files.writeString(dir.resolve("a.yml"), "cellpilot:\n  site: x\nserver:\n  port: 1\n");
    assertEquals(List.of("server is not a CellPilot setting: every key lives under cellpilot."),
        assertThrows(ConfigException.class, () -> ConfigFile.read(other)).problems());
    Path broken = Files.writeString(dir.resolve("b.yml"), "cellpilot:\n  site: [x\n");
    assertTrue(assertThrows(ConfigException.class, () -> ConfigFile.read(broken)).getMessage()
        .contains("is not valid YAML"));
  }

  @Test
  void environmentPlaceholdersAreResolvedAndAMissingOneNamesTheKey(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("c.yml"),
        "cellpilot:\n  mqtt:\n    password: ${BROKER_PW}\n    username: ${BROKER_USER:cell}\n");
    assertEquals("s3cret", ConfigFile.read(file, k -> k.equals("BROKER_PW") ? "s3cret" : null)
        .get("cellpilot.mqtt.password"));
    assertEquals("cell", ConfigFile.read(file, k -> k.equals("BROKER_PW") ? "x" : null)
        .get("cellpilot.mqtt.username"));
    assertEquals(List.of("cellpilot.mqtt.password refers to the environment variable BROKER_PW, which is not set"),
        assertThrows(ConfigException.class, () -> ConfigFile.read(file, k -> null)).problems());
  }
}
