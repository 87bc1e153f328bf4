package io.cellpilot.robot;

import io.cellpilot.robot.RobotModes.ProgramState;
import io.cellpilot.robot.RobotModes.RobotMode;
import io.cellpilot.robot.RobotModes.SafetyMode;

/**
 * The robot's state as last reported by the robot itself (for UR: one RTDE data package).
 *
 * @param q joint positions, radians
 * @param qd joint speeds, rad/s
 * @param tcp tool pose in the base frame
 * @param speedScaling the speed fraction the robot applies now (0..1)
 * @param powerWatts electrical power the arm draws, as the robot reports it
 * @param receivedNanos {@link System#nanoTime()} when the report arrived, to judge its age
 */
public record RobotStatus(
    double[] q,
    double[] qd,
    Pose tcp,
    RobotMode robotMode,
    SafetyMode safetyMode,
    ProgramState programState,
    double speedScaling,
    double powerWatts,
    long receivedNanos) {

  public RobotStatus {
    q = q.clone();
    qd = qd.clone();
  }

  @Override
  public double[] q() {
    return q.clone();
  }

  @Override
  public double[] qd() {
    return qd.clone();
  }

  /** True while any joint moves faster than {@code epsilon} rad/s. */
  public boolean moving(double epsilon) {
    for (double v : qd) {
      if (Math.abs(v) > epsilon) {
        return true;
      }
    }
    return false;
  }
}
