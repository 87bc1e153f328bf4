package io.cellpilot.robot;

/** A tool pose in the robot's base frame: position in metres, orientation as a rotation vector in radians. */
public record Pose(double x, double y, double z, double rx, double ry, double rz) {

  public static Pose of(double[] v) {
    if (v.length != 6) {
      throw new IllegalArgumentException("a pose needs 6 values, got " + v.length);
    }
    return new Pose(v[0], v[1], v[2], v[3], v[4], v[5]);
  }

  public double[] toArray() {
    return new double[] {x, y, z, rx, ry, rz};
  }

  /** This pose moved by dz metres along the base z axis (e.g. "above the pick"). */
  public Pose raised(double dz) {
    return new Pose(x, y, z + dz, rx, ry, rz);
  }

  public boolean isFinite() {
    for (double v : toArray()) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }
}
