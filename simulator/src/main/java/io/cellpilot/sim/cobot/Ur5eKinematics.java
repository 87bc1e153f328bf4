package io.cellpilot.sim.cobot;

import java.util.Optional;

/**
 * Forward and inverse kinematics of a UR5e from Universal Robots' published Denavit-Hartenberg parameters
 * (standard DH: d1 = 0.1625, a2 = -0.425, a3 = -0.3922, d4 = 0.1333, d5 = 0.0997, d6 = 0.0996 m,
 * alpha = pi/2, 0, 0, pi/2, -pi/2, 0). Poses are UR poses: x, y, z in metres and a rotation vector in radians,
 * tool flange in the base frame.
 */
public final class Ur5eKinematics {

  private static final double[] D = {0.1625, 0, 0, 0.1333, 0.0997, 0.0996};
  private static final double[] A = {0, -0.425, -0.3922, 0, 0, 0};
  private static final double[] ALPHA = {Math.PI / 2, 0, 0, Math.PI / 2, -Math.PI / 2, 0};
  private static final int MAX_ITERATIONS = 200;

  private Ur5eKinematics() {}

  /** The flange pose {x, y, z, rx, ry, rz} for joint positions {@code q} (radians). */
  public static double[] forward(double[] q) {
    double[][] frames = frames(q);
    double[] t = frames[6];
    double[] rv = Rotations.toRotationVector(rotation(t));
    return new double[] {t[3], t[7], t[11], rv[0], rv[1], rv[2]};
  }

  /**
   * Joint positions that reach {@code pose}, found by damped least squares starting from {@code seed} (the solution
   * nearest the seed, which keeps straight-line motion continuous). Empty when the pose is out of reach.
   */
  public static Optional<double[]> inverse(double[] pose, double[] seed) {
    double[] targetR = Rotations.fromRotationVector(pose[3], pose[4], pose[5]);
    double[] q = seed.clone();
    double lambda = 0.05;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[][] f = frames(q);
      double[] t = f[6];
      double[] rot = Rotations.difference(rotation(t), targetR);
      double[] e = {pose[0] - t[3], pose[1] - t[7], pose[2] - t[11], rot[0], rot[1], rot[2]};
      double norm = 0;
      for (double v : e) {
        norm += v * v;
      }
      if (norm < 1e-16) {
        return Optional.of(q);
      }
      double[] dq = dampedStep(jacobian(f), e, lambda);
      // Limit the step: a full Newton step across a singularity throws the wrist around.
      double largest = 0;
      for (double v : dq) {
        largest = Math.max(largest, Math.abs(v));
      }
      double scale = largest > 0.5 ? 0.5 / largest : 1;
      for (int i = 0; i < 6; i++) {
        q[i] += dq[i] * scale;
      }
    }
    return Optional.empty();
  }

  /** Homogeneous transforms (row-major 4x4) of the base (index 0) and of each joint's frame (1..6). */
  private static double[][] frames(double[] q) {
    double[][] out = new double[7][];
    double[] t = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
    out[0] = t;
    for (int i = 0; i < 6; i++) {
      double ct = Math.cos(q[i]);
      double st = Math.sin(q[i]);
      double ca = Math.cos(ALPHA[i]);
      double sa = Math.sin(ALPHA[i]);
      double[] link = {
          ct, -st * ca, st * sa, A[i] * ct,
          st, ct * ca, -ct * sa, A[i] * st,
          0, sa, ca, D[i],
          0, 0, 0, 1};
      t = multiply4(t, link);
      out[i + 1] = t;
    }
    return out;
  }

  /** Geometric Jacobian: column i = (z_i x (p_e - p_i), z_i) with z_i, p_i of the frame before joint i+1. */
  private static double[][] jacobian(double[][] f) {
    double[][] j = new double[6][6];
    double[] pe = {f[6][3], f[6][7], f[6][11]};
    for (int i = 0; i < 6; i++) {
      double[] z = {f[i][2], f[i][6], f[i][10]};
      double[] p = {pe[0] - f[i][3], pe[1] - f[i][7], pe[2] - f[i][11]};
      j[0][i] = z[1] * p[2] - z[2] * p[1];
      j[1][i] = z[2] * p[0] - z[0] * p[2];
      j[2][i] = z[0] * p[1] - z[1] * p[0];
      j[3][i] = z[0];
      j[4][i] = z[1];
      j[5][i] = z[2];
    }
    return j;
  }

  /** dq = J^T (J J^T + lambda^2 I)^-1 e. */
  private static double[] dampedStep(double[][] j, double[] e, double lambda) {
    double[][] m = new double[6][7];
    for (int r = 0; r < 6; r++) {
      for (int c = 0; c < 6; c++) {
        double s = 0;
        for (int k = 0; k < 6; k++) {
          s += j[r][k] * j[c][k];
        }
        m[r][c] = s + (r == c ? lambda * lambda : 0);
      }
      m[r][6] = e[r];
    }
    double[] y = solve(m);
    double[] dq = new double[6];
    for (int i = 0; i < 6; i++) {
      for (int r = 0; r < 6; r++) {
        dq[i] += j[r][i] * y[r];
      }
    }
    return dq;
  }

  /** Gaussian elimination with partial pivoting on an augmented 6x7 matrix. */
  private static double[] solve(double[][] m) {
    int n = 6;
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] tmp = m[col];
      m[col] = m[pivot];
      m[pivot] = tmp;
      for (int r = col + 1; r < n; r++) {
        double factor = m[r][col] / m[col][col];
        for (int c = col; c <= n; c++) {
          m[r][c] -= factor * m[col][c];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int c = r + 1; c < n; c++) {
        s -= m[r][c] * x[c];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }

  private static double[] rotation(double[] t) {
    return new double[] {t[0], t[1], t[2], t[4], t[5], t[6], t[8], t[9], t[10]};
  }

  private static double[] multiply4(double[] a, double[] b) {
    double[] c = new double[16];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        double s = 0;
        for (int k = 0; k < 4; k++) {
          s += a[i * 4 + k] * b[k * 4 + j];
        }
        c[i * 4 + j] = s;
      }
    }
    return c;
  }
}
