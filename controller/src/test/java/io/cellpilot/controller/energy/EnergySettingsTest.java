package io.cellpilot.controller.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.config.ConfigException;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.controller.config.ConfigValidator;
import io.cellpilot.energy.meter.MeterKind;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnergySettingsTest {

  private static Map<String, Object> cell(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cellpilot.plcs.plc.endpoint", "opc.tcp://plc:4840");
    m.put("cellpilot.plcs.plc.default-namespace", "urn:cellpilot:sim:plc");
    for (String t : List.of("line-state", "part-count", "main-energy", "main-power", "press-power")) {
      m.put("cellpilot.plcs.plc.tags." + t + ".node-id", "Line1/" + t);
    }
    m.put("cellpilot.energy.meters.main.energy-tag", "plc.main-energy");
    m.put("cellpilot.energy.meters.main.power-tag", "plc.main-power");
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static List<String> problems(Map<String, Object> flat) {
    return assertThrows(ConfigException.class, () -> ConfigValidator.validate(flat)).problems();
  }

  @Test
  void theOldKeysStillWorkAndTheNewOnesHaveSensibleDefaults() {
    ConfigTree tree = ConfigValidator.validate(cell("cellpilot.energy.grid-factor", 0.4,
        "cellpilot.energy.meters.press.power-tag", "plc.press-power"));
    EnergySettings s = EnergySettings.of(tree);
    assertEquals("main", s.engine().siteMeter());
    assertEquals(MeterKind.COUNTER, s.meterTags().get("main").kind());
    assertEquals(MeterKind.POWER, s.meterTags().get("press").kind());
    assertEquals(0.4, s.factor().kgPerKwh());
    assertEquals("2026-11-22/1", s.engine().calendar().shiftAt(java.time.Instant.parse("2026-11-22T07:00:00Z")).id());
    assertTrue(s.recordsDir().endsWith(java.nio.file.Path.of("data", "energy")));
  }

  @Test
  void aGridKeyReadsItsFactorFromTheTableAndContractsFeedTheMarketBasedFigure() {
    EnergySettings s = EnergySettings.of(ConfigValidator.validate(cell(
        "cellpilot.energy.carbon.grid", "cn-south-2022",
        "cellpilot.energy.carbon.residual-factor", 0.45,
        "cellpilot.energy.carbon.contracts.green.mwh", 120,
        "cellpilot.energy.carbon.contracts.green.from", "2026-01-01",
        "cellpilot.energy.carbon.contracts.green.to", "2026-12-31")));
    assertEquals(0.3869, s.factor().kgPerKwh());
    assertTrue(s.factorKnown());
    var c = s.scope2().consume(10, LocalDate.of(2026, 6, 1));
    assertEquals(3.869, c.locationKg(), 1e-9);
    assertEquals(0.0, c.marketKg(), 1e-9);
  }

  @Test
  void aMissingFactorIsAStartupErrorNamingTheKey() {
    List<String> p = problems(cell("cellpilot.energy.carbon.grid", "cn-atlantis-2022"));
    assertEquals(1, p.size());
    assertTrue(p.get(0).startsWith("cellpilot.energy.carbon.grid names the emission factor 'cn-atlantis-2022', "
        + "which is not in the factor table"), p.get(0));
  }

  @Test
  void wrongEnergySettingsAreRefusedEachNamingItsKey() {
    assertEquals(List.of("cellpilot.energy.grid-factor and cellpilot.energy.carbon.grid are both set; keep one "
            + "(carbon.grid names a factor with its source)"),
        problems(cell("cellpilot.energy.grid-factor", 0.5, "cellpilot.energy.carbon.grid", "cn-south-2022")));
    assertEquals(List.of("cellpilot.energy.meters.shift must not be named 'shift' (reserved for the shift and part "
        + "topics)"), problems(cell("cellpilot.energy.meters.shift.power-tag", "plc.press-power")));
    assertEquals(List.of("cellpilot.energy.meters.press.power-tag is required (source is power)"),
        problems(cell("cellpilot.energy.meters.press.source", "power",
            "cellpilot.energy.meters.press.energy-tag", "plc.main-energy")));
    assertEquals(List.of("cellpilot.energy.site-meter names 'robot', which is not a configured meter (known: [main])"),
        problems(cell("cellpilot.energy.site-meter", "robot")));
    assertEquals(List.of("cellpilot.energy.shifts.zone must be a time zone such as Asia/Shanghai or UTC, was "
        + "'Shanghai'"), problems(cell("cellpilot.energy.shifts.zone", "Shanghai")));
    assertEquals(List.of("cellpilot.energy.meters.main.max-power must be between 0.001 and 1000000 kW, was -3"),
        problems(cell("cellpilot.energy.meters.main.max-power", -3)));
    assertEquals(List.of("cellpilot.energy.carbon.contracts.g.to must not be before .from, was 2025-01-01 < "
            + "2026-01-01"),
        problems(cell("cellpilot.energy.carbon.contracts.g.mwh", 1, "cellpilot.energy.carbon.contracts.g.from",
            "2026-01-01", "cellpilot.energy.carbon.contracts.g.to", "2025-01-01")));
    assertEquals(List.of("cellpilot.energy.baseline.from and cellpilot.energy.baseline.to go together; only one is "
        + "set"), problems(cell("cellpilot.energy.baseline.from", "2026-10-01")));
  }

  @Test
  void contractDaysWrittenAsPlainYamlDatesAreRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path yml = java.nio.file.Files.writeString(dir.resolve("cell.yml"), String.join("\n",
        "cellpilot:",
        "  plcs:",
        "    plc:",
        "      endpoint: opc.tcp://plc:4840",
        "      default-namespace: urn:cellpilot:sim:plc",
        "      tags:",
        "        line-state: { node-id: Line1/State }",
        "        part-count: { node-id: Line1/Conveyor/PartCount }",
        "        main-energy: { node-id: Line1/MainMeter/EnergyTotal }",
        "  energy:",
        "    meters:",
        "      main: { energy-tag: plc.main-energy }",
        "    shifts: { starts: [\"06:00\", \"18:00\"], zone: Asia/Shanghai }",
        "    carbon:",
        "      grid: cn-east-2022",
        "      contracts:",
        "        green-2026: { mwh: 500, factor: 0, from: 2026-01-01, to: 2026-12-31 }",
        "    baseline: { from: 2026-09-01, to: 2026-10-01 }",
        ""));
    EnergySettings s = EnergySettings.of(ConfigValidator.validate(io.cellpilot.controller.config.ConfigFile.read(yml)));
    assertEquals(LocalDate.of(2026, 1, 1), s.contracts().get(0).from());
    assertEquals(LocalDate.of(2026, 12, 31), s.contracts().get(0).to());
    assertEquals(java.time.Instant.parse("2026-08-31T16:00:00Z"), s.baseline().orElseThrow()[0]);
    assertEquals("2026-11-22/2", s.engine().calendar().shiftAt(java.time.Instant.parse("2026-11-22T11:00:00Z")).id());
  }
}
