package io.cellpilot.sim.config;

/** A point in the robot's base frame, metres. */
public record Position(double x, double y, double z) {

  /** Straight-line distance to {@code other}. */
  public double distanceTo(Position other) {
    return Math.sqrt(square(x - other.x) + square(y - other.y) + square(z - other.z));
  }

  /** Distance to {@code other} in the horizontal (x, y) plane. */
  public double horizontalDistanceTo(Position other) {
    return Math.sqrt(square(x - other.x) + square(y - other.y));
  }

  private static double square(double v) {
    return v * v;
  }
}
