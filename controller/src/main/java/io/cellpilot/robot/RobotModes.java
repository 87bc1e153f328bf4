package io.cellpilot.robot;

/** The robot's own modes as CellPilot understands them (Universal Robots' names; other makers map onto them). */
public final class RobotModes {

  private RobotModes() {}

  /** Power and brake state of the arm. */
  public enum RobotMode {
    UNKNOWN, DISCONNECTED, CONFIRM_SAFETY, BOOTING, POWER_OFF, POWER_ON, IDLE, BACKDRIVE, RUNNING
  }

  /** What the robot's own safety system says. */
  public enum SafetyMode {
    UNKNOWN, NORMAL, REDUCED, PROTECTIVE_STOP, RECOVERY, SAFEGUARD_STOP, SYSTEM_EMERGENCY_STOP,
    ROBOT_EMERGENCY_STOP, VIOLATION, FAULT
  }

  /** Whether a robot program runs. */
  public enum ProgramState {
    UNKNOWN, STOPPING, STOPPED, PLAYING, PAUSING, PAUSED, RESUMING
  }
}
