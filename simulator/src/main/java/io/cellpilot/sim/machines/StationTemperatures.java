package io.cellpilot.sim.machines;

import java.util.SplittableRandom;

/**
 * Station temperatures: the inspection station follows the hall (a slow daily swing), the press station warms with
 * the press's duty (first order, 10 min time constant).
 */
final class StationTemperatures {
  private static final double HALL = 23.5;
  private static final double PRESS_TAU_S = 600;

  private final SplittableRandom noise;
  private double press = HALL + 4;

  StationTemperatures(SplittableRandom noise) {
    this.noise = noise;
  }

  void step(double dt, double pressKw) {
    double target = HALL + 4 + 2.2 * pressKw;
    press += (target - press) * (1 - Math.exp(-dt / PRESS_TAU_S));
  }

  double press() {
    return press + noise.nextGaussian() * 0.05;
  }

  double inspection(double elapsedSeconds) {
    return HALL + 0.4 * Math.sin(2 * Math.PI * elapsedSeconds / 86_400) + noise.nextGaussian() * 0.05;
  }
}
