package io.cellpilot.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.faults.Fault;
import io.cellpilot.sim.faults.FaultRecord;
import io.cellpilot.sim.faults.ScheduledFault;
import io.cellpilot.sim.faults.SensorKey;
import io.cellpilot.sim.faults.SensorKey.Quantity;
import io.cellpilot.sim.line.LineState;
import io.cellpilot.sim.machines.MachineId;
import io.cellpilot.sim.machines.MachineState;
import io.cellpilot.sim.time.SimClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every fault, observed in what the model hands to the devices, against a run of the same seed without it. */
class FaultEffectsTest {

  static final Instant T0 = CellModelDeterminismTest.EPOCH;
  static final SensorKey PRESS_VIBRATION = new SensorKey(MachineId.PRESS, Quantity.VIBRATION);
  static final SensorKey PRESS_CURRENT = new SensorKey(MachineId.PRESS, Quantity.CURRENT);
  static final SensorKey PRESS_TEMPERATURE = new SensorKey(MachineId.PRESS, Quantity.BEARING_TEMPERATURE);
  static final SensorKey CONVEYOR_CURRENT = new SensorKey(MachineId.CONVEYOR, Quantity.CURRENT);

  static RecordingListener run(Duration length, ScheduledFault... faults) {
    SimConfig config = SimConfig.forTests(5).faults(List.of(faults)).build();
    RecordingListener out = new RecordingListener();
    SimClock clock = new SimClock(T0, config.time().step(), 1);
    CellModel model = new CellModel(config, clock, Clock.systemUTC(), out);
    for (long i = 0, n = length.toNanos() / clock.stepNanos(); i < n; i++) {
      model.step();
    }
    return out;
  }

  static ScheduledFault at(int seconds, Fault fault) {
    return new ScheduledFault(Duration.ofSeconds(seconds), fault);
  }

  static Map<Instant, Double> values(RecordingListener r, SensorKey key) {
    return r.messages.stream().filter(m -> m instanceof SensorMessage.Value v && v.sensor().equals(key))
        .map(m -> (SensorMessage.Value) m)
        .collect(Collectors.toMap(SensorMessage.Value::time, SensorMessage.Value::value));
  }

  static double mean(Map<Instant, Double> values, Predicate<Instant> when) {
    return values.entrySet().stream().filter(e -> when.test(e.getKey())).mapToDouble(Map.Entry::getValue)
        .average().orElseThrow();
  }

  static Predicate<Instant> between(int fromS, int toS) {
    return t -> !t.isBefore(T0.plusSeconds(fromS)) && t.isBefore(T0.plusSeconds(toS));
  }

  @Test
  void aBearingFaultGrowsVibrationAndALittleTemperatureAndCurrent() {
    RecordingListener healthy = run(Duration.ofMinutes(6));
    RecordingListener worn = run(Duration.ofMinutes(6), at(60, new Fault.Bearing(MachineId.PRESS, Duration.ofMinutes(3))));

    Predicate<Instant> early = between(70, 100);
    Predicate<Instant> late = between(270, 360);
    double vibrationEarly = mean(values(worn, PRESS_VIBRATION), early) / mean(values(healthy, PRESS_VIBRATION), early);
    double vibrationLate = mean(values(worn, PRESS_VIBRATION), late) / mean(values(healthy, PRESS_VIBRATION), late);
    assertTrue(vibrationEarly < 1.2, "barely visible at first: x" + vibrationEarly);
    assertTrue(vibrationLate > 3, "grown: x" + vibrationLate);
    assertTrue(mean(values(worn, PRESS_TEMPERATURE), late) > mean(values(healthy, PRESS_TEMPERATURE), late) + 1);
    double current = mean(values(worn, PRESS_CURRENT), late) / mean(values(healthy, PRESS_CURRENT), late);
    assertTrue(current > 1.02 && current < 1.15, "a little more current: x" + current);
  }

  @Test
  void aDriftingSensorDepartsFromTheTruthByItsRate() {
    RecordingListener truth = run(Duration.ofMinutes(10));
    RecordingListener drifting = run(Duration.ofMinutes(10), at(0, new Fault.Drift(PRESS_TEMPERATURE, 6.0, null)));

    Map<Instant, Double> a = values(truth, PRESS_TEMPERATURE);
    Map<Instant, Double> b = values(drifting, PRESS_TEMPERATURE);
    Instant t = T0.plusSeconds(540);
    // Same seed, same noise: the difference is the drift alone, 6 degC per hour after 9 minutes.
    assertEquals(0.9, b.get(t) - a.get(t), 1e-9);
  }

  @Test
  void aStuckSensorRepeatsOneValueUntilTheFaultEnds() {
    RecordingListener r = run(Duration.ofMinutes(2), at(60, new Fault.Stuck(CONVEYOR_CURRENT, Duration.ofSeconds(30))));

    Map<Instant, Double> current = values(r, CONVEYOR_CURRENT);
    List<Double> during = current.entrySet().stream().filter(e -> between(60, 90).test(e.getKey()))
        .map(Map.Entry::getValue).distinct().toList();
    assertEquals(1, during.size(), "one value while stuck: " + during);
    assertFalse(current.get(T0.plusSeconds(95)).equals(during.get(0)));
  }

  @Test
  void aDropoutSilencesOneSensorAndNothingElse() {
    RecordingListener r = run(Duration.ofMinutes(2), at(60, new Fault.Dropout(PRESS_VIBRATION, Duration.ofSeconds(20))));

    assertTrue(values(r, PRESS_VIBRATION).keySet().stream().noneMatch(between(60, 80)));
    assertTrue(values(r, PRESS_VIBRATION).keySet().stream().anyMatch(between(80, 90)));
    assertEquals(20, values(r, PRESS_CURRENT).keySet().stream().filter(between(60, 80)).count());
    assertTrue(r.messages.stream().noneMatch(m -> m instanceof SensorMessage.Window w && w.machine() == MachineId.PRESS
        && between(60, 80).test(w.time())));
  }

  @Test
  void malformedJsonReplacesTheSensorsMessagesForTheFaultsDuration() {
    RecordingListener r = run(Duration.ofMinutes(2), at(30, new Fault.MalformedJson(PRESS_CURRENT, Duration.ofSeconds(10))));

    List<SensorMessage.Malformed> garbled = r.messages.stream().filter(m -> m instanceof SensorMessage.Malformed)
        .map(m -> (SensorMessage.Malformed) m).toList();
    assertEquals(10, garbled.size());
    assertTrue(garbled.stream().allMatch(m -> m.sensor().equals(PRESS_CURRENT) && between(30, 40).test(m.time())));
    assertTrue(values(r, PRESS_CURRENT).keySet().stream().noneMatch(between(30, 40)));
  }

  @Test
  void aPowerSpikeRaisesTheMachinesMeterAndTheMainMeter() {
    RecordingListener normal = run(Duration.ofSeconds(90));
    RecordingListener spiked = run(Duration.ofSeconds(90),
        at(60, new Fault.PowerSpike("press", 10.0, Duration.ofSeconds(5))));

    String during = T0.plusSeconds(62) + " press ";
    double before = power(normal, during);
    double after = power(spiked, during);
    assertEquals(10.0, after - before, 0.3);
    String main = T0.plusSeconds(62) + " main ";
    assertEquals(10.0, power(spiked, main) - power(normal, main), 0.3);
    String later = T0.plusSeconds(70) + " press ";
    assertEquals(power(normal, later), power(spiked, later), 0.3);
  }

  static double power(RecordingListener r, String prefix) {
    String line = r.meters.stream().filter(m -> m.startsWith(prefix)).findFirst().orElseThrow();
    return Double.parseDouble(line.replaceAll(".*activePowerKw=([0-9.E-]+),.*", "$1"));
  }

  @Test
  void aPersonEnteringTheZoneIsSeenByTheZoneSensorAndLeavesAgain() {
    RecordingListener r = run(Duration.ofSeconds(60),
        at(20, new Fault.PersonInZone(Duration.ofSeconds(20), 0.5)));

    CellSnapshot before = snapshotAt(r, 19);
    CellSnapshot middle = snapshotAt(r, 30);
    CellSnapshot after = snapshotAt(r, 45);
    assertFalse(before.zoneOccupied());
    assertEquals(10.0, before.personDistance());
    assertTrue(middle.zoneOccupied());
    assertEquals(0.5, middle.personDistance(), 1e-9);
    assertFalse(after.zoneOccupied());
  }

  static CellSnapshot snapshotAt(RecordingListener r, int seconds) {
    Instant t = T0.plusSeconds(seconds);
    return r.snapshots.stream().filter(s -> s.time().equals(t)).findFirst().orElseThrow();
  }

  @Test
  void aMachineTripFaultsTheLineAndEveryMachineStopsDrawingRunningPower() {
    RecordingListener r = run(Duration.ofSeconds(40), at(20, new Fault.MachineTrip(MachineId.PRESS, "motor overload")));

    assertEquals(LineState.RUNNING, snapshotAt(r, 19).state());
    CellSnapshot faulted = snapshotAt(r, 30);
    assertEquals(LineState.FAULTED, faulted.state());
    assertEquals("Press: motor overload", faulted.faultText());
    assertEquals(MachineState.FAULTED, faulted.machines().get(MachineId.PRESS).state());
    assertEquals(MachineState.FAULTED, faulted.machines().get(MachineId.CONVEYOR).state());
    assertFalse(faulted.conveyorRunning());
  }

  @Test
  void everyFaultIsRecordedWithItsStartAndEnd() {
    RecordingListener r = run(Duration.ofSeconds(40), at(10, new Fault.PlcRestart(Duration.ofSeconds(5))),
        at(12, new Fault.Bearing(MachineId.CONVEYOR, Duration.ofMinutes(1))));

    assertEquals(2, r.started.size());
    FaultRecord restart = r.started.get(0);
    assertEquals("plc-restart", restart.kind());
    assertEquals(T0.plusSeconds(10), restart.simStart());
    assertEquals(T0.plusSeconds(15), restart.simEnd());
    assertEquals(List.of(restart), r.ended);
    FaultRecord bearing = r.started.get(1);
    assertEquals("conveyor", bearing.target());
    assertNull(bearing.simEnd());
  }
}
