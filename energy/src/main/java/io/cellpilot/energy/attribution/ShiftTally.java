package io.cellpilot.energy.attribution;

import io.cellpilot.energy.kpi.Oee;
import io.cellpilot.energy.record.ShiftRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The running totals of one shift, turned into a {@link ShiftRecord} when asked. Not thread-safe. */
public final class ShiftTally {
  final ShiftCalendar.Shift shift;
  final Map<String, Double> meterKwh = new LinkedHashMap<>();
  final Map<String, Double> gapSeconds = new LinkedHashMap<>();
  final Map<String, Double> contractKwh = new LinkedHashMap<>();
  final java.util.Set<String> measured = new java.util.HashSet<>();
  final EnumMap<LineState, Double> stateSeconds = new EnumMap<>(LineState.class);
  double idleKwh;
  double locationKg;
  double marketKg;
  long parts;
  long good;
  long inspected;
  long picks;
  double pickKwh;

  ShiftTally(ShiftCalendar.Shift shift, Iterable<String> meters) {
    this.shift = shift;
    for (String m : meters) {
      meterKwh.put(m, 0.0);
      gapSeconds.put(m, 0.0);
    }
    for (LineState s : LineState.values()) {
      stateSeconds.put(s, 0.0);
    }
  }

  public ShiftCalendar.Shift shift() {
    return shift;
  }

  /** The record of this shift so far ({@code closed} once it has ended and every late sample is in). */
  public ShiftRecord toRecord(boolean closed, String siteMeter, List<String> estimated, String factorKey,
      double factor, Duration idealCycle) {
    double running = stateSeconds.get(LineState.RUNNING);
    Oee oee = Oee.of(seconds(running), seconds(stateSeconds.get(LineState.FAULTED)), idealCycle, parts, good,
        inspected);
    // A meter that measured nothing in this shift (never read, or only gaps) has unknown energy, not zero.
    Map<String, Double> kwhByMeter = new LinkedHashMap<>();
    meterKwh.forEach((m, v) -> kwhByMeter.put(m, measured.contains(m) ? v : Double.NaN));
    boolean siteKnown = measured.contains(siteMeter);
    double kwh = siteKnown ? meterKwh.get(siteMeter) : Double.NaN;
    return new ShiftRecord(shift.id(), shift.day().toString(), shift.start(), shift.end(), closed, siteMeter,
        kwhByMeter, kwh, idleKwh, Map.copyOf(gapSeconds), new ArrayList<>(estimated), factorKey, factor,
        siteKnown ? locationKg : Double.NaN, siteKnown ? marketKg : Double.NaN, Map.copyOf(contractKwh), parts, good,
        inspected, picks, pickKwh, running, stateSeconds.get(LineState.STOPPED), stateSeconds.get(LineState.FAULTED),
        stateSeconds.get(LineState.UNKNOWN), oee.availability(), oee.performance(), oee.quality(), oee.oee(),
        parts > 0 ? kwh / parts : Double.NaN, good > 0 ? kwh / good : Double.NaN,
        good > 0 ? locationKg / good : Double.NaN);
  }

  private static Duration seconds(double s) {
    return Duration.ofNanos((long) (s * 1e9));
  }
}
