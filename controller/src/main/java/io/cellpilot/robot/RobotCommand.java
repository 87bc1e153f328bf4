package io.cellpilot.robot;

import java.util.Arrays;

/** What CellPilot may ask of a robot: a closed set, each checked by the guard before a byte is sent. */
public sealed interface RobotCommand
    permits RobotCommand.MoveJoints, RobotCommand.MoveLinear, RobotCommand.SetOutput, RobotCommand.Stop {

  /** True for commands that move the arm. */
  default boolean isMotion() {
    return false;
  }

  /** Joint-space move to {@code q} (radians); the leading joint at {@code speed} rad/s, {@code accel} rad/s^2. */
  record MoveJoints(double[] q, double speed, double accel) implements RobotCommand {
    public MoveJoints {
      q = q.clone();
    }

    @Override
    public double[] q() {
      return q.clone();
    }

    @Override
    public boolean isMotion() {
      return true;
    }

    @Override
    public String toString() {
      return "MoveJoints" + Arrays.toString(q) + " v=" + speed + " a=" + accel;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof MoveJoints m && Arrays.equals(q, m.q) && speed == m.speed && accel == m.accel;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(q) * 31 + Double.hashCode(speed);
    }
  }

  /** Straight-line tool move to {@code target} at {@code speed} m/s, {@code accel} m/s^2. */
  record MoveLinear(Pose target, double speed, double accel) implements RobotCommand {
    @Override
    public boolean isMotion() {
      return true;
    }
  }

  /** Sets a standard digital output (e.g. the gripper). */
  record SetOutput(int output, boolean value) implements RobotCommand {}

  /** Decelerates the arm to rest and ends the robot program; always allowed. */
  record Stop(double decel) implements RobotCommand {
    public static final Stop DEFAULT = new Stop(2.0);
  }
}
