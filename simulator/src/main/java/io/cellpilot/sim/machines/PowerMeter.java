package io.cellpilot.sim.machines;

import java.util.SplittableRandom;

/**
 * A three-phase power meter: integrates the true power into a monotonic energy counter every step and reads out
 * power, voltage and current with a little measurement noise. Current follows {@code P = sqrt(3) * V * I * cos(phi)}.
 */
final class PowerMeter {
  private static final double SQRT3 = Math.sqrt(3);
  private static final double POWER_FACTOR = 0.86;

  private final double nominalVoltage;
  private final SplittableRandom noise;
  private double energyKwh;

  PowerMeter(double nominalVoltage, SplittableRandom noise) {
    this.nominalVoltage = nominalVoltage;
    this.noise = noise;
  }

  void integrate(double kw, double dtSeconds) {
    energyKwh += Math.max(0, kw) * dtSeconds / 3600.0;
  }

  /** The true energy integrated so far, kWh: the ground truth the published counter shows (rounded). */
  double energyKwh() {
    return energyKwh;
  }

  /** A reading at grid voltage deviation {@code gridDeviation} (e.g. -0.01 = 1 % low), shared by all meters. */
  MeterReading read(double kw, double gridDeviation) {
    double voltage = nominalVoltage * (1 + gridDeviation) + noise.nextGaussian() * 0.2;
    double power = Math.max(0, kw * (1 + noise.nextGaussian() * 0.003));
    double current = power * 1000 / (SQRT3 * voltage * POWER_FACTOR);
    return new MeterReading(power, energyKwh, voltage, current);
  }
}
