package io.cellpilot.robot.ur;

import io.cellpilot.robot.RobotCommand;
import io.cellpilot.robot.RobotStatus;
import java.time.Duration;

/** How long a command may take before the driver calls it timed out: its nominal duration, slowed, plus a margin. */
final class CommandDeadlines {

  private CommandDeadlines() {}

  /**
   * Nominal duration of a trapezoidal move (distance / speed + speed / acceleration) divided by the speed fraction,
   * times 1.5, plus {@code margin}. Outputs get half a second.
   */
  static long nanos(RobotCommand command, RobotStatus from, double speedFraction, Duration margin) {
    double seconds = 0.5;
    if (command instanceof RobotCommand.MoveJoints && from != null) {
      RobotCommand.MoveJoints m = (RobotCommand.MoveJoints) command;
      double[] q0 = from.q();
      double[] q1 = m.q();
      double leading = 0;
      for (int i = 0; i < 6; i++) {
        leading = Math.max(leading, Math.abs(q1[i] - q0[i]));
      }
      seconds = leading / m.speed() + m.speed() / m.accel();
    } else if (command instanceof RobotCommand.MoveLinear && from != null) {
      RobotCommand.MoveLinear m = (RobotCommand.MoveLinear) command;
      double dx = m.target().x() - from.tcp().x();
      double dy = m.target().y() - from.tcp().y();
      double dz = m.target().z() - from.tcp().z();
      // Reorientation is not in the distance: one more second covers the wrist.
      seconds = Math.sqrt(dx * dx + dy * dy + dz * dz) / m.speed() + m.speed() / m.accel() + 1.0;
    }
    seconds = seconds / Math.max(0.05, speedFraction) * 1.5;
    return (long) (seconds * 1e9) + margin.toNanos();
  }
}
