package io.cellpilot.sim.cobot;

/** The mode codes a UR controller reports over RTDE and the names the dashboard server prints. */
public final class UrModes {

  private UrModes() {}

  /** RTDE {@code robot_mode}. */
  public enum RobotMode {
    NO_CONTROLLER(-1), DISCONNECTED(0), CONFIRM_SAFETY(1), BOOTING(2), POWER_OFF(3), POWER_ON(4), IDLE(5),
    BACKDRIVE(6), RUNNING(7), UPDATING_FIRMWARE(8);

    public final int code;

    RobotMode(int code) {
      this.code = code;
    }
  }

  /** RTDE {@code safety_mode}. */
  public enum SafetyMode {
    NORMAL(1), REDUCED(2), PROTECTIVE_STOP(3), RECOVERY(4), SAFEGUARD_STOP(5), SYSTEM_EMERGENCY_STOP(6),
    ROBOT_EMERGENCY_STOP(7), VIOLATION(8), FAULT(9);

    public final int code;

    SafetyMode(int code) {
      this.code = code;
    }
  }

  /** RTDE {@code runtime_state}. */
  public enum RuntimeState {
    STOPPING(0), STOPPED(1), PLAYING(2), PAUSING(3), PAUSED(4), RESUMING(5);

    public final int code;

    RuntimeState(int code) {
      this.code = code;
    }
  }
}
