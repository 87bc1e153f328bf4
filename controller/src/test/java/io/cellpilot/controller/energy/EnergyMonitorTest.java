package io.cellpilot.controller.energy;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.alarm.AlarmBoard;
import io.cellpilot.controller.config.ConfigValidator;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.controller.state.TagValue;
import io.cellpilot.energy.EnergyEngine;
import io.cellpilot.events.CellEvent;
import io.cellpilot.events.EnergyUpdated;
import io.cellpilot.events.EventIds;
import io.cellpilot.events.InProcessEventBus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor fed straight through the cell state (no PLC): held values, rejected readings, unknown CO2. */
class EnergyMonitorTest {
  @TempDir
  Path dir;
  EnergyMonitor monitor;
  final CellState cell = new CellState(Clock.systemUTC(), tag -> Duration.ofMinutes(1));
  final InProcessEventBus bus = new InProcessEventBus();
  final List<CellEvent> events = new CopyOnWriteArrayList<>();

  void start(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cellpilot.data-dir", dir.toString());
    m.put("cellpilot.plcs.plc.endpoint", "opc.tcp://plc:4840");
    m.put("cellpilot.plcs.plc.default-namespace", "urn:cellpilot:sim:plc");
    for (String t : List.of("line-state", "part-count", "main-power", "main-energy")) {
      m.put("cellpilot.plcs.plc.tags." + t + ".node-id", "Line1/" + t);
    }
    m.put("cellpilot.energy.period", "200ms");
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    EventIds ids = new EventIds(1L);
    bus.subscribe(events::add);
    monitor = new EnergyMonitor(EnergySettings.of(ConfigValidator.validate(m)), cell, bus, ids, Clock.systemUTC(),
        new AlarmBoard(bus, ids, Clock.systemUTC()));
    monitor.start();
  }

  @AfterEach
  void stop() {
    if (monitor != null) {
      monitor.stop();
    }
  }

  @SuppressWarnings("unchecked")
  EnergyEngine.MeterStatus main() {
    return ((List<EnergyEngine.MeterStatus>) monitor.status().get("meters")).get(0);
  }

  @Test
  void aSteadyPowerThatIsNotResentIsHeldWhileFreshSoItIsCountedNotAGap() {
    start("cellpilot.energy.meters.main.power-tag", "plc.main-power", "cellpilot.energy.meters.main.max-gap", "1s");
    Instant t0 = Instant.now();
    cell.accept(TagValue.good("plc.main-power", 3.6, t0, t0)); // once, as a subscription reports a steady value
    await().atMost(10, SECONDS).until(() -> main().totalKwh() >= 3.6 * 2 / 3600);
    assertEquals(0, main().health().gaps(), main().toString());
    assertTrue(main().health().accepted() >= 4, main().toString());
  }

  @Test
  void negativeAndNonNumericReadingsAreRejectedCountedAndNeverEnergyAndCo2IsUnknownWithoutAFactor() {
    start("cellpilot.energy.meters.main.energy-tag", "plc.main-energy",
        "cellpilot.energy.meters.main.power-tag", "plc.main-power");
    Instant t = Instant.now().minusSeconds(4);
    cell.accept(TagValue.good("plc.main-energy", 100.0, t, t));
    cell.accept(TagValue.good("plc.main-energy", -5.0, t.plusSeconds(1), t.plusSeconds(1)));
    cell.accept(TagValue.good("plc.main-energy", "n/a", t.plusSeconds(2), t.plusSeconds(2)));
    cell.accept(TagValue.good("plc.main-energy", 100.001, t.plusSeconds(3), t.plusSeconds(3)));
    try {
      await().atMost(5, SECONDS).until(() -> ((Map<?, ?>) monitor.status().get("rejected")).size() == 2);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(monitor.status().toString(), e);
    }
    Map<?, ?> rejected = (Map<?, ?>) monitor.status().get("rejected");
    assertEquals(1L, rejected.get("main/NEGATIVE"));
    assertEquals(1L, rejected.get("main/NOT_FINITE"));
    assertEquals(0.001, main().totalKwh(), 1e-9);
    await().atMost(5, SECONDS).until(() -> events.stream().anyMatch(e -> e instanceof EnergyUpdated));
    EnergyUpdated u = (EnergyUpdated) events.stream().filter(e -> e instanceof EnergyUpdated).findFirst().get();
    assertTrue(Double.isNaN(u.co2Kg()), "no factor configured: CO2 unknown, never 0");
  }
}
