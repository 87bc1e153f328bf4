package io.cellpilot.sim.cobot;

import java.util.Random;

/**
 * A simple electrical model of a UR5e: a base load for the control box and powered joints, plus per joint the
 * mechanical power of a torque made of gravity (shoulder and elbow), inertia and viscous friction, divided by a drive
 * efficiency, plus copper losses. Good enough to make energy follow motion; not a calibrated model.
 */
final class PowerModel {

  static final double BUS_VOLTAGE = 48.0;
  private static final double CONTROL_BOX_WATTS = 22.0;
  private static final double POWERED_WATTS = 18.0;
  private static final double BRAKES_RELEASED_WATTS = 30.0;
  private static final double[] INERTIA = {2.5, 2.5, 1.2, 0.15, 0.15, 0.1};
  private static final double[] VISCOUS = {6.0, 6.0, 4.0, 1.0, 1.0, 1.0};
  private static final double[] TORQUE_CONSTANT = {12.0, 12.0, 10.0, 5.0, 5.0, 5.0};
  private static final double WINDING_OHMS = 0.4;
  private static final double EFFICIENCY = 0.8;

  private final Random noise;
  private final double[] currents = new double[6];
  private double watts = CONTROL_BOX_WATTS;

  PowerModel(long seed) {
    this.noise = new Random(seed);
  }

  /** Recomputes currents and power for this control cycle. */
  void update(double[] q, double[] qd, double[] qdd, boolean powered, boolean brakesReleased) {
    if (!powered) {
      java.util.Arrays.fill(currents, 0);
      watts = CONTROL_BOX_WATTS;
      return;
    }
    double p = CONTROL_BOX_WATTS + POWERED_WATTS + (brakesReleased ? BRAKES_RELEASED_WATTS : 0);
    double[] gravity = gravity(q);
    for (int j = 0; j < 6; j++) {
      double torque = brakesReleased ? gravity[j] + INERTIA[j] * qdd[j] + VISCOUS[j] * qd[j] : 0;
      double current = torque / TORQUE_CONSTANT[j];
      currents[j] = current + noise.nextGaussian() * 0.01;
      p += Math.max(0, torque * qd[j]) / EFFICIENCY + WINDING_OHMS * current * current;
    }
    watts = p;
  }

  /** Gravity torques (N m) at shoulder and elbow: link masses of a UR5e with a 1 kg gripper. */
  private static double[] gravity(double[] q) {
    double g = 9.81;
    double c2 = Math.cos(q[1]);
    double c23 = Math.cos(q[1] + q[2]);
    double elbow = g * (2.33 * 0.196 + 3.9 * 0.392) * c23;
    double shoulder = g * 8.39 * 0.2125 * c2 + g * (2.33 + 3.9) * 0.425 * c2 + elbow;
    return new double[] {0, shoulder, elbow, 0, 0, 0};
  }

  double watts() {
    return watts;
  }

  double[] currents() {
    return currents.clone();
  }
}
