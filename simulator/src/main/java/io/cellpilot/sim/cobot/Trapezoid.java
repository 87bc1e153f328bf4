package io.cellpilot.sim.cobot;

/**
 * A trapezoidal (or, for short moves, triangular) velocity profile over a distance: accelerate at {@code a}, cruise
 * at {@code v}, decelerate at {@code a}. This is how a UR controller times movej and movel without blending.
 */
record Trapezoid(double distance, double v, double a, double accelTime, double cruiseTime) {

  static Trapezoid of(double distance, double v, double a) {
    double ta = v / a;
    if (a * ta * ta >= distance) {
      // Never reaches v: triangular profile.
      ta = Math.sqrt(distance / a);
      return new Trapezoid(distance, a * ta, a, ta, 0);
    }
    return new Trapezoid(distance, v, a, ta, (distance - a * ta * ta) / v);
  }

  double duration() {
    return 2 * accelTime + cruiseTime;
  }

  /** Distance covered after {@code t} seconds. */
  double position(double t) {
    if (t <= 0) {
      return 0;
    }
    if (t >= duration()) {
      return distance;
    }
    if (t < accelTime) {
      return 0.5 * a * t * t;
    }
    double accelDistance = 0.5 * a * accelTime * accelTime;
    if (t < accelTime + cruiseTime) {
      return accelDistance + v * (t - accelTime);
    }
    double remaining = duration() - t;
    return distance - 0.5 * a * remaining * remaining;
  }
}
