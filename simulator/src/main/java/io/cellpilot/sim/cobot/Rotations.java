package io.cellpilot.sim.cobot;

/** Rotation matrices (row-major 3x3 in a double[9]) and UR rotation vectors (axis times angle, radians). */
final class Rotations {

  private Rotations() {}

  /** Rodrigues' formula: the matrix of a rotation vector. */
  static double[] fromRotationVector(double rx, double ry, double rz) {
    double angle = Math.sqrt(rx * rx + ry * ry + rz * rz);
    if (angle < 1e-12) {
      return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
    }
    double x = rx / angle;
    double y = ry / angle;
    double z = rz / angle;
    double c = Math.cos(angle);
    double s = Math.sin(angle);
    double t = 1 - c;
    return new double[] {
        t * x * x + c, t * x * y - s * z, t * x * z + s * y,
        t * x * y + s * z, t * y * y + c, t * y * z - s * x,
        t * x * z - s * y, t * y * z + s * x, t * z * z + c};
  }

  /** The rotation vector of a matrix, angle in [0, pi]. */
  static double[] toRotationVector(double[] r) {
    double cos = (r[0] + r[4] + r[8] - 1) / 2;
    double angle = Math.acos(Math.max(-1, Math.min(1, cos)));
    if (angle < 1e-9) {
      return new double[] {0, 0, 0};
    }
    if (Math.PI - angle < 1e-6) {
      // Near 180 degrees sin(angle) vanishes: take the axis from the diagonal instead.
      double x = Math.sqrt(Math.max(0, (r[0] + 1) / 2));
      double y = Math.sqrt(Math.max(0, (r[4] + 1) / 2));
      double z = Math.sqrt(Math.max(0, (r[8] + 1) / 2));
      if (x >= y && x >= z) {
        y = Math.copySign(y, r[1]);
        z = Math.copySign(z, r[2]);
      } else if (y >= z) {
        x = Math.copySign(x, r[1]);
        z = Math.copySign(z, r[5]);
      } else {
        x = Math.copySign(x, r[2]);
        y = Math.copySign(y, r[5]);
      }
      double n = Math.sqrt(x * x + y * y + z * z);
      return new double[] {angle * x / n, angle * y / n, angle * z / n};
    }
    double k = angle / (2 * Math.sin(angle));
    return new double[] {k * (r[7] - r[5]), k * (r[2] - r[6]), k * (r[3] - r[1])};
  }

  static double[] multiply(double[] a, double[] b) {
    double[] c = new double[9];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        c[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j];
      }
    }
    return c;
  }

  static double[] transpose(double[] a) {
    return new double[] {a[0], a[3], a[6], a[1], a[4], a[7], a[2], a[5], a[8]};
  }

  /** The rotation vector (world frame) that turns {@code from} into {@code to}. */
  static double[] difference(double[] from, double[] to) {
    return toRotationVector(multiply(to, transpose(from)));
  }

  /** Rotation {@code fraction} of the way from {@code from} to {@code to}, about the fixed axis between them. */
  static double[] interpolate(double[] from, double[] to, double fraction) {
    double[] d = difference(from, to);
    double[] step = fromRotationVector(d[0] * fraction, d[1] * fraction, d[2] * fraction);
    return multiply(step, from);
  }
}
