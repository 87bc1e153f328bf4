package io.cellpilot.sim.cobot;

import java.util.Optional;

/** A planned motion of the arm, sampled by motion time (wall time scaled by the speed slider). */
sealed interface Motion permits Motion.Joint, Motion.Linear {

  double duration();

  /** Joint positions at motion time {@code t}; empty when the path leaves the arm's reach. */
  Optional<double[]> at(double t);

  /** movej: every joint starts and ends together, the one with the longest way at speed {@code v}. */
  record Joint(double[] from, double[] to, Trapezoid profile) implements Motion {

    static Joint plan(double[] from, double[] to, double v, double a) {
      double longest = 0;
      for (int i = 0; i < 6; i++) {
        longest = Math.max(longest, Math.abs(to[i] - from[i]));
      }
      return new Joint(from.clone(), to.clone(), Trapezoid.of(longest, v, a));
    }

    @Override
    public double duration() {
      return profile.duration();
    }

    @Override
    public Optional<double[]> at(double t) {
      double f = profile.distance() == 0 ? 1 : profile.position(t) / profile.distance();
      double[] q = new double[6];
      for (int i = 0; i < 6; i++) {
        q[i] = from[i] + (to[i] - from[i]) * f;
      }
      return Optional.of(q);
    }
  }

  /**
   * movel: the flange moves on the straight line between two poses at tool speed {@code v}, its orientation turning
   * about one fixed axis; joint positions come from inverse kinematics seeded with the previous sample.
   */
  final class Linear implements Motion {
    private final double[] fromPos;
    private final double[] toPos;
    private final double[] fromRot;
    private final double[] toRot;
    private final Trapezoid profile;
    private double[] lastQ;

    private Linear(double[] fromPose, double[] toPose, double[] startQ, Trapezoid profile) {
      this.fromPos = new double[] {fromPose[0], fromPose[1], fromPose[2]};
      this.toPos = new double[] {toPose[0], toPose[1], toPose[2]};
      this.fromRot = Rotations.fromRotationVector(fromPose[3], fromPose[4], fromPose[5]);
      this.toRot = Rotations.fromRotationVector(toPose[3], toPose[4], toPose[5]);
      this.profile = profile;
      this.lastQ = startQ.clone();
    }

    static Linear plan(double[] startQ, double[] toPose, double v, double a) {
      double[] fromPose = Ur5eKinematics.forward(startQ);
      double dx = toPose[0] - fromPose[0];
      double dy = toPose[1] - fromPose[1];
      double dz = toPose[2] - fromPose[2];
      double length = Math.sqrt(dx * dx + dy * dy + dz * dz);
      if (length < 1e-6) {
        // A pure reorientation: UR then reads v and a as angular speed and acceleration.
        double[] d = Rotations.difference(Rotations.fromRotationVector(fromPose[3], fromPose[4], fromPose[5]),
            Rotations.fromRotationVector(toPose[3], toPose[4], toPose[5]));
        length = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
      }
      return new Linear(fromPose, toPose, startQ, Trapezoid.of(length, v, a));
    }

    @Override
    public double duration() {
      return profile.duration();
    }

    @Override
    public Optional<double[]> at(double t) {
      double f = profile.distance() == 0 ? 1 : profile.position(t) / profile.distance();
      double[] r = Rotations.interpolate(fromRot, toRot, f);
      double[] rv = Rotations.toRotationVector(r);
      double[] pose = {
          fromPos[0] + (toPos[0] - fromPos[0]) * f,
          fromPos[1] + (toPos[1] - fromPos[1]) * f,
          fromPos[2] + (toPos[2] - fromPos[2]) * f,
          rv[0], rv[1], rv[2]};
      Optional<double[]> q = Ur5eKinematics.inverse(pose, lastQ);
      q.ifPresent(v -> lastQ = v);
      return q;
    }
  }
}
