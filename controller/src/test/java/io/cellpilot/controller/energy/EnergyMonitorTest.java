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
    for (String t : List.of("line-state", "part-count", "main-power", "main-energy", "oven-fan", "oven-heater")) {
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
    return meter("main");
  }

  @SuppressWarnings("unchecked")
  EnergyEngine.MeterStatus meter(String id) {
    return ((List<EnergyEngine.MeterStatus>) monitor.status().get("meters")).stream()
        .filter(m -> m.meter().equals(id)).findFirst().orElseThrow();
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

  @TempDir
  static Path models;
  private static Path oven;

  /** A tiny energy model, trained once per class: an oven drawing 0.4 kW + 2 kW x heater + 0.3 kW with the fan on. */
  static synchronized Path ovenModel(Path ignored) throws Exception {
    if (oven != null) {
      return oven;
    }
    Path dir = models;
    java.util.Random r = new java.util.Random(3);
    StringBuilder csv = new StringBuilder("timestamp,fan,heater,power\n");
    for (int i = 0; i < 200; i++) {
      double fan = r.nextBoolean() ? 1 : 0;
      double heater = r.nextDouble();
      csv.append(String.format(java.util.Locale.ROOT, "%d,%.0f,%.4f,%.4f%n", 1_700_000_000_000L + i * 1000L, fan,
          heater, 0.4 + 2 * heater + 0.3 * fan));
    }
    Path data = java.nio.file.Files.writeString(dir.resolve("oven.csv"), csv);
    Path pkg = dir.resolve("oven.cpm");
    io.cellpilot.vision.train.Trainers.energy(data, "power", 30, 7,
        new io.cellpilot.vision.train.Trainers.Target(pkg, "oven", "1"), io.cellpilot.vision.Progress.NONE);
    oven = pkg;
    return pkg;
  }

  @Test
  void aVirtualSubMeterEstimatesPowerFromStateTagsAndIsLabelledEstimated() throws Exception {
    Path pkg = ovenModel(dir);
    start("cellpilot.energy.meters.main.power-tag", "plc.main-power",
        "cellpilot.energy.meters.oven.estimator.package", pkg.toString(),
        "cellpilot.energy.meters.oven.estimator.inputs", List.of("plc.oven-fan", "plc.oven-heater"));
    Instant t = Instant.now();
    cell.accept(TagValue.good("plc.main-power", 5.0, t, t));
    cell.accept(TagValue.good("plc.oven-fan", true, t, t));
    cell.accept(TagValue.good("plc.oven-heater", 0.5, t, t));
    double expected = io.cellpilot.vision.energy.EnergyCodec.fromPackage(
        io.cellpilot.vision.pkg.ModelPackage.read(pkg, null)).estimate(new double[] {1, 0.5});
    await().atMost(10, SECONDS).until(() -> events.stream().anyMatch(
        e -> e instanceof EnergyUpdated u && u.meter().equals("oven")));
    EnergyUpdated oven = (EnergyUpdated) events.stream()
        .filter(e -> e instanceof EnergyUpdated u && u.meter().equals("oven")).findFirst().get();
    assertEquals(expected, oven.powerKw(), 1e-9);
    assertEquals(1.6, oven.powerKw(), 0.4, "the model learned the oven roughly");
    await().atMost(10, SECONDS).until(() -> meter("oven").totalKwh() > 0);
    @SuppressWarnings("unchecked")
    List<EnergyEngine.MeterStatus> meters = (List<EnergyEngine.MeterStatus>) monitor.status().get("meters");
    EnergyEngine.MeterStatus o = meters.stream().filter(m -> m.meter().equals("oven")).findFirst().get();
    assertTrue(o.estimated() && o.totalKwh() > 0, o.toString());
    assertEquals(List.of("oven"),
        ((io.cellpilot.energy.record.ShiftRecord) monitor.status().get("shift")).estimated());
  }

  @Test
  void aVirtualSubMeterWhoseInputsDoNotMatchTheModelIsRefusedNamingTheKey() throws Exception {
    Path pkg = ovenModel(dir);
    io.cellpilot.energy.EnergyException e = org.junit.jupiter.api.Assertions.assertThrows(
        io.cellpilot.energy.EnergyException.class, () -> start(
            "cellpilot.energy.meters.oven.estimator.package", pkg.toString(),
            "cellpilot.energy.meters.oven.estimator.inputs", List.of("plc.oven-heater")));
    assertTrue(e.getMessage().startsWith("cellpilot.energy.meters.oven.estimator.inputs names 1 tags [plc.oven-heater],"
        + " but the model reads 2 signals [fan, heater]"), e.getMessage());
  }
}
