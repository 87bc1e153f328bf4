package io.cellpilot.robot.kinematics;

import io.cellpilot.robot.Pose;

/**
 * Forward kinematics from standard Denavit-Hartenberg parameters, with the parameter sets Universal Robots publishes
 * for its e-Series arms. Written for the guard, independently of the simulator's kinematics, so each checks the other.
 */
public final class DhKinematics implements Kinematics {

  /** UR5e: d1 0.1625, a2 -0.425, a3 -0.3922, d4 0.1333, d5 0.0997, d6 0.0996 m. */
  public static final DhKinematics UR5E = new DhKinematics(
      new double[] {0.1625, 0, 0, 0.1333, 0.0997, 0.0996},
      new double[] {0, -0.425, -0.3922, 0, 0, 0});
  /** UR3e: d1 0.15185, a2 -0.24355, a3 -0.2132, d4 0.13105, d5 0.08535, d6 0.0921 m. */
  public static final DhKinematics UR3E = new DhKinematics(
      new double[] {0.15185, 0, 0, 0.13105, 0.08535, 0.0921},
      new double[] {0, -0.24355, -0.2132, 0, 0, 0});
  /** UR10e: d1 0.1807, a2 -0.6127, a3 -0.57155, d4 0.17415, d5 0.11985, d6 0.11655 m. */
  public static final DhKinematics UR10E = new DhKinematics(
      new double[] {0.1807, 0, 0, 0.17415, 0.11985, 0.11655},
      new double[] {0, -0.6127, -0.57155, 0, 0, 0});

  private static final double[] ALPHA = {Math.PI / 2, 0, 0, Math.PI / 2, -Math.PI / 2, 0};

  private final double[] d;
  private final double[] a;

  private DhKinematics(double[] d, double[] a) {
    this.d = d;
    this.a = a;
  }

  /** The parameter set for a model name: {@code ur3e}, {@code ur5e} or {@code ur10e}. */
  public static DhKinematics forModel(String model) {
    switch (model.toLowerCase(java.util.Locale.ROOT)) {
      case "ur3e": return UR3E;
      case "ur5e": return UR5E;
      case "ur10e": return UR10E;
      default: throw new IllegalArgumentException("unknown robot model '" + model + "' (ur3e, ur5e, ur10e)");
    }
  }

  @Override
  public Pose forward(double[] q) {
    // Accumulate T = A1 * ... * A6 with A_i = Rz(theta) Tz(d) Tx(a) Rx(alpha), as a 3x4 matrix.
    double[] t = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0};
    for (int i = 0; i < 6; i++) {
      double ct = Math.cos(q[i]);
      double st = Math.sin(q[i]);
      double ca = Math.cos(ALPHA[i]);
      double sa = Math.sin(ALPHA[i]);
      double[] link = {ct, -st * ca, st * sa, a[i] * ct, st, ct * ca, -ct * sa, a[i] * st, 0, sa, ca, d[i]};
      double[] n = new double[12];
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 4; c++) {
          double s = t[r * 4] * link[c] + t[r * 4 + 1] * link[4 + c] + t[r * 4 + 2] * link[8 + c];
          n[r * 4 + c] = s + (c == 3 ? t[r * 4 + 3] : 0);
        }
      }
      t = n;
    }
    double[] rv = rotationVector(t);
    return new Pose(t[3], t[7], t[11], rv[0], rv[1], rv[2]);
  }

  private static double[] rotationVector(double[] t) {
    double cos = (t[0] + t[5] + t[10] - 1) / 2;
    double angle = Math.acos(Math.max(-1, Math.min(1, cos)));
    if (angle < 1e-9) {
      return new double[3];
    }
    if (Math.PI - angle < 1e-6) {
      double x = Math.sqrt(Math.max(0, (t[0] + 1) / 2));
      double y = Math.copySign(Math.sqrt(Math.max(0, (t[5] + 1) / 2)), t[1] == 0 ? 1 : t[1]);
      double z = Math.copySign(Math.sqrt(Math.max(0, (t[10] + 1) / 2)), t[2] == 0 ? 1 : t[2]);
      return new double[] {angle * x, angle * y, angle * z};
    }
    double k = angle / (2 * Math.sin(angle));
    return new double[] {k * (t[9] - t[6]), k * (t[2] - t[8]), k * (t[4] - t[1])};
  }
}
