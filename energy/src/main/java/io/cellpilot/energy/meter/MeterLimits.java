package io.cellpilot.energy.meter;

import io.cellpilot.energy.EnergyException;
import java.time.Duration;

/**
 * What a plausible reading of one meter looks like.
 *
 * @param maxPowerKw above this (or an energy step implying more) a reading is absurd and rejected
 * @param maxGap samples further apart are a gap: a power span is not bridged; a counter's is flagged
 * @param rolloverKwh the counter register's maximum, after which it starts at zero; 0 when it never rolls over
 */
public record MeterLimits(double maxPowerKw, Duration maxGap, double rolloverKwh) {

  public MeterLimits {
    if (!(maxPowerKw > 0) || !Double.isFinite(maxPowerKw)) {
      throw new EnergyException(EnergyException.Code.INVALID_CONFIG, "max power must be > 0 kW, was " + maxPowerKw);
    }
    if (maxGap == null || maxGap.isNegative() || maxGap.isZero()) {
      throw new EnergyException(EnergyException.Code.INVALID_CONFIG, "max gap must be > 0, was " + maxGap);
    }
    if (!(rolloverKwh >= 0) || !Double.isFinite(rolloverKwh)) {
      throw new EnergyException(EnergyException.Code.INVALID_CONFIG, "rollover must be >= 0 kWh, was " + rolloverKwh);
    }
  }
}
