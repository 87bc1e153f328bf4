package io.cellpilot.sim.cobot;

import java.util.Optional;

/**
 * The arm's joints over time: follows one planned {@link Motion} (time-scaled by the speed slider), or brakes every
 * joint to rest at a given deceleration. Not thread-safe: {@link CobotCore} owns it.
 */
final class Arm {

  /** What one control cycle did. */
  enum Step { IDLE, MOVING, ARRIVED, PATH_UNREACHABLE }

  private double[] q;
  private double[] qd = new double[6];
  private double[] qdd = new double[6];
  private Motion motion;
  private double motionTime;
  private double brakeAccel;

  Arm(double[] home) {
    this.q = home.clone();
  }

  void follow(Motion m) {
    motion = m;
    motionTime = 0;
    brakeAccel = 0;
  }

  /** Abandons the planned motion and brings every joint to rest at {@code accel} rad/s^2. */
  void brake(double accel) {
    motion = null;
    brakeAccel = accel;
  }

  boolean moving() {
    if (motion != null) {
      return true;
    }
    for (double v : qd) {
      if (v != 0) {
        return true;
      }
    }
    return false;
  }

  Step step(double dt, double speedFraction) {
    double[] previousQd = qd;
    Step result;
    if (motion != null) {
      motionTime = Math.min(motion.duration(), motionTime + dt * speedFraction);
      Optional<double[]> next = motion.at(motionTime);
      if (next.isEmpty()) {
        brake(Double.POSITIVE_INFINITY);
        qd = new double[6];
        result = Step.PATH_UNREACHABLE;
      } else {
        double[] nq = next.get();
        double[] v = new double[6];
        for (int i = 0; i < 6; i++) {
          v[i] = (nq[i] - q[i]) / dt;
        }
        q = nq;
        qd = v;
        if (motionTime >= motion.duration()) {
          motion = null;
          qd = new double[6];
          result = Step.ARRIVED;
        } else {
          result = Step.MOVING;
        }
      }
    } else if (brakeAccel > 0 && moving()) {
      double[] v = new double[6];
      for (int i = 0; i < 6; i++) {
        double slower = Math.max(0, Math.abs(qd[i]) - brakeAccel * dt);
        v[i] = Math.copySign(slower, qd[i]);
        q[i] += (qd[i] + v[i]) / 2 * dt;
      }
      qd = v;
      result = moving() ? Step.MOVING : Step.ARRIVED;
    } else {
      qd = new double[6];
      result = Step.IDLE;
    }
    for (int i = 0; i < 6; i++) {
      qdd[i] = (qd[i] - previousQd[i]) / dt;
    }
    return result;
  }

  double[] q() {
    return q.clone();
  }

  double[] qd() {
    return qd.clone();
  }

  double[] qdd() {
    return qdd.clone();
  }
}
