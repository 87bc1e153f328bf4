package io.cellpilot.sim.cobot;

import java.util.Arrays;
import java.util.Optional;

/**
 * Turns a movej / movel statement into a planned {@link Motion}, as the controller does before moving: values must be
 * finite, the target reachable, and within the robot's own limits; a limit violation is a protective stop, anything
 * else a runtime error that ends the program.
 */
final class MotionPlanner {

  private MotionPlanner() {}

  /** The plan, or why not: {@code protectiveStop} true when the robot's safety system would stop it. */
  record Plan(Motion motion, double[] targetQ, String error, boolean protectiveStop) {
    static Plan error(String why) {
      return new Plan(null, null, why, false);
    }

    static Plan stop(String why) {
      return new Plan(null, null, why, true);
    }
  }

  static Plan plan(Statement move, double[] q, CobotConfig config) {
    boolean linear = move instanceof Statement.MoveL;
    double a;
    double v;
    double[] target;
    boolean pose;
    if (linear) {
      Statement.MoveL m = (Statement.MoveL) move;
      a = m.a();
      v = m.v();
      target = m.pose();
      pose = true;
    } else {
      Statement.MoveJ m = (Statement.MoveJ) move;
      a = m.a();
      v = m.v();
      target = m.target();
      pose = m.pose();
    }
    for (double x : target) {
      if (!Double.isFinite(x)) {
        return Plan.error("move target is not a finite number");
      }
    }
    if (!(a > 0 && v > 0 && Double.isFinite(a) && Double.isFinite(v))) {
      return Plan.error("speed and acceleration must be positive numbers");
    }
    double[] targetJoints = target;
    if (pose) {
      Optional<double[]> solved = Ur5eKinematics.inverse(target, q);
      if (solved.isEmpty()) {
        return Plan.error("inverse kinematics failed for p" + Arrays.toString(target));
      }
      targetJoints = solved.get();
    }
    double[] min = config.jointMin();
    double[] max = config.jointMax();
    for (int i = 0; i < 6; i++) {
      if (targetJoints[i] < min[i] || targetJoints[i] > max[i]) {
        return Plan.stop(String.format("target of joint %d, %.3f rad, outside its limits", i, targetJoints[i]));
      }
    }
    double speedLimit = linear ? config.maxTcpSpeed() : config.maxJointSpeed();
    if (v > speedLimit || (!linear && a > config.maxJointAccel())) {
      return Plan.stop(String.format("%s v=%.3f a=%.3f over the robot's limits", linear ? "movel" : "movej", v, a));
    }
    Motion motion = linear ? Motion.Linear.plan(q, target, v, a) : Motion.Joint.plan(q, targetJoints, v, a);
    return new Plan(motion, targetJoints, null, false);
  }
}
