package io.cellpilot.sim.camera;

import java.util.List;

/** A path of points (part coordinates) with the distance from any point to it and where along it that is. */
final class Polyline {

  private final double[] u;
  private final double[] v;
  private final double[] along;
  private final double length;

  Polyline(List<double[]> points) {
    int n = points.size();
    u = new double[n];
    v = new double[n];
    along = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = points.get(i)[0];
      v[i] = points.get(i)[1];
      if (i > 0) {
        along[i] = along[i - 1] + Math.hypot(u[i] - u[i - 1], v[i] - v[i - 1]);
      }
    }
    length = Math.max(1e-9, along[n - 1]);
  }

  /** {distance, fraction of the length (0..1) at the closest point}. */
  double[] closest(double pu, double pv) {
    double best = Double.MAX_VALUE;
    double bestT = 0;
    for (int i = 1; i < u.length; i++) {
      double du = u[i] - u[i - 1];
      double dv = v[i] - v[i - 1];
      double len2 = du * du + dv * dv;
      double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((pu - u[i - 1]) * du + (pv - v[i - 1]) * dv) / len2));
      double qu = u[i - 1] + t * du - pu;
      double qv = v[i - 1] + t * dv - pv;
      double d2 = qu * qu + qv * qv;
      if (d2 < best) {
        best = d2;
        bestT = (along[i - 1] + t * Math.sqrt(len2)) / length;
      }
    }
    return new double[] {Math.sqrt(best), bestT};
  }

  /** {uMin, uMax, vMin, vMax} grown by {@code margin}. */
  double[] bounds(double margin) {
    double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int i = 0; i < u.length; i++) {
      b[0] = Math.min(b[0], u[i]);
      b[1] = Math.max(b[1], u[i]);
      b[2] = Math.min(b[2], v[i]);
      b[3] = Math.max(b[3], v[i]);
    }
    return new double[] {b[0] - margin, b[1] + margin, b[2] - margin, b[3] + margin};
  }
}
