package io.cellpilot.robot.ur;

import io.cellpilot.robot.RobotException;
import io.cellpilot.robot.RobotException.Code;
import io.cellpilot.robot.RobotModes.RobotMode;
import io.cellpilot.robot.RobotModes.SafetyMode;
import io.cellpilot.robot.RobotStatus;
import java.time.Duration;

/**
 * Brings a UR arm to RUNNING through the dashboard, watching RTDE for each step: power on -> IDLE, brake release ->
 * RUNNING. It never unlocks a protective stop on its own: a person inspects the cause first.
 */
final class UrPowerUp {

  private UrPowerUp() {}

  static void run(String robot, DashboardClient dashboard, UrRobotState state, Duration timeout) {
    RobotStatus s = state.await(x -> true, "a robot report", timeout);
    if (s.safetyMode() == SafetyMode.PROTECTIVE_STOP) {
      throw new RobotException(Code.ROBOT_NOT_READY, "[" + robot + "] robot is in a protective stop: inspect the "
          + "cause, then unlock it (unlockProtectiveStop) before activating");
    }
    if (s.safetyMode() != SafetyMode.NORMAL && s.safetyMode() != SafetyMode.REDUCED) {
      throw new RobotException(Code.ROBOT_NOT_READY, "[" + robot + "] robot safety mode is " + s.safetyMode());
    }
    if (s.robotMode() == RobotMode.POWER_OFF) {
      dashboard.powerOn();
      s = state.await(x -> x.robotMode() == RobotMode.IDLE || x.robotMode() == RobotMode.RUNNING, "robot mode IDLE",
          timeout);
    }
    if (s.robotMode() == RobotMode.IDLE) {
      dashboard.brakeRelease();
      s = state.await(x -> x.robotMode() == RobotMode.RUNNING, "robot mode RUNNING", timeout);
    }
    if (s.robotMode() != RobotMode.RUNNING) {
      throw new RobotException(Code.ROBOT_NOT_READY, "[" + robot + "] robot mode is " + s.robotMode()
          + "; CellPilot powers on from POWER_OFF and releases brakes from IDLE only");
    }
  }
}
