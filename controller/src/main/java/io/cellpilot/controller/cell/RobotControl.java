package io.cellpilot.controller.cell;

/**
 * The seam the UR driver plugs into for the controller core: the robot's readiness for reject picks, and stop.
 * {@code stop} must always be accepted, be idempotent and never throw (the driver's contract).
 */
public interface RobotControl {

  RobotStatus status();

  /** Stops motion (a controlled stop through the driver; the robot's own safety system is separate). */
  RobotStatus stop(String reason);

  /**
   * Makes the robot accept motion again after a stop or a fault (for a UR: power on, brake release). Blocks until it
   * is active or refused; the status says which.
   */
  default RobotStatus activate(String user) {
    return status();
  }

  /** No robot driver in this build, or no robot configured. */
  RobotControl NONE = new RobotControl() {
    @Override
    public RobotStatus status() {
      return RobotStatus.absent("no robot driver is wired in this build");
    }

    @Override
    public RobotStatus stop(String reason) {
      return status();
    }
  };
}
