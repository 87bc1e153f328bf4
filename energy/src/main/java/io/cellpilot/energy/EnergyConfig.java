package io.cellpilot.energy;

import io.cellpilot.energy.attribution.ShiftCalendar;
import io.cellpilot.energy.meter.MeterKind;
import io.cellpilot.energy.meter.MeterLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the energy engine needs to know: the meters, which one is the cell's total (site meter) and which one the
 * robot's, the shift pattern, the ideal cycle time, the idle alarm and how long to wait for late samples.
 *
 * @param robotMeter the meter whose energy over a pick is the pick's energy; null when the robot has none
 * @param idealCycle null when not configured (performance is then unknown)
 * @param patience how long past an interval's end a silent meter is waited for, and a shift kept open
 */
public record EnergyConfig(Map<String, Meter> meters, String siteMeter, String robotMeter, ShiftCalendar calendar,
                           Duration idealCycle, double idleAlarmKw, Duration idleMinDuration, Duration patience,
                           int curveCapacity) {

  /**
   * One meter.
   *
   * @param estimated a virtual sub-meter (an estimate from machine state, not a measurement): labelled as such
   */
  public record Meter(MeterKind kind, MeterLimits limits, boolean estimated) {}

  public EnergyConfig {
    meters = Map.copyOf(meters);
    if (meters.isEmpty()) {
      throw new EnergyException(EnergyException.Code.INVALID_CONFIG, "cellpilot.energy.meters needs at least one meter");
    }
    if (!meters.containsKey(siteMeter)) {
      throw new EnergyException(EnergyException.Code.INVALID_CONFIG, "cellpilot.energy.site-meter names '" + siteMeter
          + "', which is not a configured meter (known: " + meters.keySet() + ")");
    }
    if (robotMeter != null && !meters.containsKey(robotMeter)) {
      throw new EnergyException(EnergyException.Code.INVALID_CONFIG, "cellpilot.energy.robot-meter names '"
          + robotMeter + "', which is not a configured meter (known: " + meters.keySet() + ")");
    }
  }

  /** Ids of the estimated meters, sorted. */
  public List<String> estimatedMeters() {
    return meters.entrySet().stream().filter(e -> e.getValue().estimated()).map(Map.Entry::getKey).sorted().toList();
  }
}
