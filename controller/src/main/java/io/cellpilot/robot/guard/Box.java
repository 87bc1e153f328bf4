package io.cellpilot.robot.guard;

/** An axis-aligned box in the robot's base frame, metres. */
public record Box(double minX, double minY, double minZ, double maxX, double maxY, double maxZ) {

  public boolean contains(double x, double y, double z) {
    return x >= minX && x <= maxX && y >= minY && y <= maxY && z >= minZ && z <= maxZ;
  }

  /** True when the straight segment from a to b passes through the box (slab test). */
  public boolean intersectsSegment(double[] a, double[] b) {
    double t0 = 0;
    double t1 = 1;
    double[] min = {minX, minY, minZ};
    double[] max = {maxX, maxY, maxZ};
    for (int i = 0; i < 3; i++) {
      double d = b[i] - a[i];
      if (Math.abs(d) < 1e-12) {
        if (a[i] < min[i] || a[i] > max[i]) {
          return false;
        }
        continue;
      }
      double ta = (min[i] - a[i]) / d;
      double tb = (max[i] - a[i]) / d;
      t0 = Math.max(t0, Math.min(ta, tb));
      t1 = Math.min(t1, Math.max(ta, tb));
      if (t0 > t1) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return String.format("[%.3f..%.3f, %.3f..%.3f, %.3f..%.3f]", minX, maxX, minY, maxY, minZ, maxZ);
  }
}
