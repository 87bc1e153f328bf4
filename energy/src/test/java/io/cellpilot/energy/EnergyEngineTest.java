package io.cellpilot.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.energy.attribution.IdleDetector;
import io.cellpilot.energy.attribution.LineState;
import io.cellpilot.energy.attribution.ShiftCalendar;
import io.cellpilot.energy.carbon.EmissionFactorTable;
import io.cellpilot.energy.carbon.Scope2Calculator;
import io.cellpilot.energy.meter.MeterKind;
import io.cellpilot.energy.meter.MeterLimits;
import io.cellpilot.energy.meter.Step;
import io.cellpilot.energy.record.PartEnergy;
import io.cellpilot.energy.record.PickEnergy;
import io.cellpilot.energy.record.ShiftRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine against a scripted line whose true energy is known: 13:30-14:30 UTC across the 14:00 shift change;
 * running until 13:50, stopped 13:50-14:00 (drawing base load: idle), faulted 14:00-14:05, running again after.
 */
class EnergyEngineTest {
  static final Instant START = Instant.parse("2026-11-22T13:30:00Z");
  static final Instant STOP = Instant.parse("2026-11-22T13:50:00Z");
  static final Instant FAULT = Instant.parse("2026-11-22T14:00:00Z");
  static final Instant RESTART = Instant.parse("2026-11-22T14:05:00Z");
  static final Instant END = Instant.parse("2026-11-22T14:30:00Z");
  static final double BASE_KW = 1.5;
  static final double MAX_KW = 12;

  static EnergyConfig config(Duration idleMin) {
    ShiftCalendar cal = ShiftCalendar.parse(List.of("06:00", "14:00", "22:00"), "UTC", "k", "z");
    return new EnergyConfig(Map.of(
        "main", new EnergyConfig.Meter(MeterKind.COUNTER, new MeterLimits(50, Duration.ofSeconds(10), 99_999.9), false),
        "press", new EnergyConfig.Meter(MeterKind.POWER, new MeterLimits(20, Duration.ofSeconds(5), 0), false),
        "robot", new EnergyConfig.Meter(MeterKind.POWER, new MeterLimits(5, Duration.ofSeconds(5), 0), true)),
        "main", "robot", cal, Duration.ofSeconds(2), 1.0, idleMin, Duration.ofSeconds(30), 8192);
  }

  static Scope2Calculator scope2() {
    return new Scope2Calculator(EmissionFactorTable.shipped().require("cn-south-2022", "k"), 0.3869, List.of());
  }

  static LineState stateAt(double s) {
    Instant t = START.plusNanos((long) (s * 1e9));
    if (t.isBefore(STOP)) {
      return LineState.RUNNING;
    }
    if (t.isBefore(FAULT)) {
      return LineState.STOPPED;
    }
    return t.isBefore(RESTART) ? LineState.FAULTED : LineState.RUNNING;
  }

  /** Press power: strokes of 7.5 kW for 0.6 s every 2 s while running (a part every 2 s). */
  static double pressKw(double s) {
    return stateAt(s) == LineState.RUNNING ? 1.2 + ((s % 2.0) < 0.6 ? 7.5 : 0) : 0.35;
  }

  static double robotKw(double s) {
    return stateAt(s) == LineState.RUNNING ? 0.12 + ((s % 10.0) < 3 ? 0.4 : 0) : 0.12;
  }

  static double mainKw(double s) {
    return BASE_KW + pressKw(s) + robotKw(s);
  }

  /** Runs the script through the engine; returns the true main energy at every 10 ms step (cumulative, kWh). */
  static final class Run implements EnergyEngine.Listener {
    final List<PartEnergy> parts = new ArrayList<>();
    final List<ShiftRecord> shifts = new ArrayList<>();
    final List<IdleDetector.Change> idle = new ArrayList<>();
    final List<PickEnergy> picks = new ArrayList<>();
    final List<String> rejected = new ArrayList<>();
    final double[] trueMain;
    final EnergyEngine engine;

    Run(EnergyConfig config) {
      engine = new EnergyEngine(config, scope2(), this);
      double total = Duration.between(START, END).toMillis() / 1000.0;
      int steps = (int) Math.round(total / 0.01);
      trueMain = new double[steps + 1];
      long count = 100;
      LineState last = null;
      double counter = 99_990.0; // rolls over at 99 999.9 during the run
      for (int i = 0; i <= steps; i++) {
        double s = i * 0.01;
        Instant t = START.plusMillis(i * 10L);
        LineState st = stateAt(s);
        if (st != last) {
          engine.lineState(t, st);
          last = st;
        }
        if (i > 0) {
          // Exact integral over the step: power is constant within each 10 ms step (left value).
          double e = mainKw(s - 0.01) * 0.01 / 3600;
          trueMain[i] = trueMain[i - 1] + e;
          counter += e;
          if (counter > 99_999.9) {
            counter -= 99_999.9;
          }
        }
        if (i % 100 == 0) {
          engine.meterSample("main", t, counter);
        }
        if (i % 25 == 0) {
          engine.meterSample("press", t, pressKw(s));
          engine.meterSample("robot", t, robotKw(s));
        }
        if (st == LineState.RUNNING && i % 200 == 0) {
          count++;
          engine.partCount(t, count);
          engine.inspected(t, count % 10 != 0);
        }
        if (st == LineState.RUNNING && i % 1000 == 0 && i > 0) {
          engine.pick("P-" + i, t.minusSeconds(3), t, 0.0003);
        }
      }
      // The PLC goes silent at the end: what the line did afterwards is unknown and left out of OEE.
      engine.lineState(END, LineState.UNKNOWN);
      engine.advance(END.plus(Duration.ofHours(8)));
    }

    double trueBetween(Instant a, Instant b) {
      int ia = (int) (Duration.between(START, a).toMillis() / 10);
      int ib = (int) (Duration.between(START, b).toMillis() / 10);
      return trueMain[ib] - trueMain[ia];
    }

    @Override
    public void partEnergy(PartEnergy part) {
      parts.add(part);
    }

    @Override
    public void shiftClosed(ShiftRecord shift) {
      shifts.add(shift);
    }

    @Override
    public void idleAlarm(IdleDetector.Change change) {
      idle.add(change);
    }

    @Override
    public void pickEnergy(PickEnergy pick) {
      picks.add(pick);
    }

    @Override
    public void rejected(String meter, Step.Reason reason, String detail) {
      rejected.add(meter + ": " + detail);
    }
  }

  @Test
  void eachPartsEnergyMatchesTheTrueEnergyOfItsIntervalWithinOneSampleOnEachSide() {
    Run run = new Run(config(Duration.ofMinutes(5)));
    assertTrue(run.parts.size() > 900, "parts " + run.parts.size());
    double sumMeasured = 0;
    double sumTrue = 0;
    // Interpolating a counter sampled every second can move at most one sample interval's energy at max power
    // into the neighbouring part, on each side.
    double bound = 2 * MAX_KW * 1.0 / 3600;
    for (PartEnergy p : run.parts) {
      double truth = run.trueBetween(p.from(), p.to()) / p.parts();
      assertEquals(truth, p.siteKwhPerPart(), bound, "part " + p.toCount());
      assertEquals(p.siteKwhPerPart() * 0.3869, p.locationKgPerPart(), 1e-12);
      sumMeasured += p.siteKwhPerPart() * p.parts();
      sumTrue += truth * p.parts();
    }
    assertEquals(sumTrue, sumMeasured, sumTrue * 0.005, "energy of all parts");
    assertTrue(run.rejected.isEmpty(), run.rejected.toString());
  }

  @Test
  void shiftsSplitEnergyAtTheShiftChangeAndReportIdleEnergyAndOee() {
    Run run = new Run(config(Duration.ofMinutes(5)));
    assertEquals(2, run.shifts.size());
    ShiftRecord early = run.shifts.get(0);
    ShiftRecord late = run.shifts.get(1);
    assertEquals("2026-11-22/1", early.shift());
    assertEquals("2026-11-22/2", late.shift());
    double trueEarly = run.trueBetween(START, FAULT);
    double trueLate = run.trueBetween(FAULT, END);
    assertEquals(trueEarly, early.siteKwh(), trueEarly * 0.005);
    assertEquals(trueLate, late.siteKwh(), trueLate * 0.005);
    // Idle: stopped 13:50-14:00 in the early shift, faulted 14:00-14:05 in the late one.
    assertEquals(run.trueBetween(STOP, FAULT), early.idleKwh(), run.trueBetween(STOP, FAULT) * 0.005);
    assertEquals(run.trueBetween(FAULT, RESTART), late.idleKwh(), run.trueBetween(FAULT, RESTART) * 0.01);
    assertEquals(early.siteKwh() * 0.3869, early.locationKg(), 1e-9);
    // OEE by hand. Early: running 20 min, stopped 10 (not planned): availability 1. 600 parts at 2 s ideal in
    // 1200 s: performance 1. Late: running 25 min, faulted 5: availability 25/30.
    assertEquals(1.0, early.availability(), 1e-9);
    assertEquals(25.0 / 30, late.availability(), 1e-3);
    assertEquals(1200, early.runningSeconds(), 0.05);
    assertEquals(600, early.stoppedSeconds(), 0.05);
    assertEquals(300, late.faultedSeconds(), 0.05);
    assertEquals(599, early.parts()); // the first reading at 13:30 only sets the baseline
    assertEquals(0.9, early.quality(), 0.01);
    assertEquals(early.availability() * early.performance() * early.quality(), early.oee(), 1e-12);
    assertEquals(early.siteKwh() / early.good(), early.kwhPerGoodPart(), 1e-12);
    assertEquals(List.of("robot"), early.estimated());
  }

  @Test
  void theIdleAlarmRisesWhenTheStoppedLineDrawsAboveTheLevelAndClearsWhenItRuns() {
    Run run = new Run(config(Duration.ofMinutes(5)));
    // Stopped at 13:50: base 1.5 + press 0.35 + robot 0.12 kW > 1 kW for 5 minutes -> 13:55.
    IdleDetector.Change raised = run.idle.get(0);
    assertTrue(raised.active());
    assertEquals(Instant.parse("2026-11-22T13:55:00Z").getEpochSecond(), raised.at().getEpochSecond(), 1.0);
    assertEquals(1.97, raised.meanKw(), 0.01);
    IdleDetector.Change cleared = run.idle.get(1);
    assertFalse(cleared.active());
    assertEquals(RESTART.getEpochSecond(), cleared.at().getEpochSecond(), 1.0);
    assertEquals(2, run.idle.size());
  }

  @Test
  void anIdleStretchShorterThanTheMinimumRaisesNothing() {
    Run run = new Run(config(Duration.ofMinutes(30)));
    assertTrue(run.idle.isEmpty());
  }

  @Test
  void aPicksEnergyComesFromTheRobotMeterOverThePick() {
    Run run = new Run(config(Duration.ofMinutes(5)));
    assertFalse(run.picks.isEmpty());
    for (PickEnergy p : run.picks) {
      double s0 = Duration.between(START, p.from()).toMillis() / 1000.0;
      double truth = 0;
      for (double s = s0; s < s0 + 3 - 1e-9; s += 0.01) {
        truth += robotKw(s) * 0.01 / 3600;
      }
      assertEquals(truth, p.meterKwh(), 0.52 * 0.25 / 3600 * 2, p.partId());
      assertEquals(0.0003, p.robotReportedKwh());
    }
  }

  @Test
  void aSilentMeterMakesItsPartEnergyUnknownNotZeroOnceThePatienceRunsOut() {
    List<PartEnergy> parts = new ArrayList<>();
    EnergyEngine e = new EnergyEngine(config(Duration.ofMinutes(5)), scope2(), new EnergyEngine.Listener() {
      @Override
      public void partEnergy(PartEnergy p) {
        parts.add(p);
      }
    });
    for (int s = 0; s <= 60; s++) {
      Instant t = START.plusSeconds(s);
      e.meterSample("main", t, 10 + s * 0.001);
      e.meterSample("robot", t, 0.2);
      if (s % 2 == 0) {
        e.partCount(t, s / 2);
      }
    }
    // Intervals wait for the press meter only until they are older than the patience (30 s).
    assertEquals(14, parts.size());
    parts.forEach(p -> assertTrue(p.to().isBefore(START.plusSeconds(30)), p.toString()));
    e.advance(START.plusSeconds(100));
    assertEquals(30, parts.size());
    PartEnergy p = parts.get(0);
    assertTrue(Double.isNaN(p.kwhPerPart().get("press")));
    assertTrue(p.unknown().contains("press"));
    assertEquals(0.002, p.siteKwhPerPart(), 1e-9);
  }
}
