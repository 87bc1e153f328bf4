package io.cellpilot.robot.guard;

/** Why the guard refused a command; each rejection also carries a detail string with the numbers. */
public enum RejectReason {
  /** The driver is not ACTIVE (UNCONFIGURED, INACTIVE or FAULT). */
  DRIVER_NOT_ACTIVE,
  /** No state report from the robot yet, or the last one is older than the configured age. */
  ROBOT_STATUS_STALE,
  /** The robot is not in RUNNING mode (powered off, brakes engaged, booting...). */
  ROBOT_NOT_RUNNING,
  /** The robot's safety system holds a protective stop. */
  PROTECTIVE_STOP,
  /** The robot's safety system is in a mode other than normal or reduced (safeguard or emergency stop, fault...). */
  SAFETY_STOP,
  /** A robot program is paused or being paused at the robot: it could resume on its own. */
  PROGRAM_NOT_READY,
  /** Another command is still in flight (a new URScript program would replace it). */
  ROBOT_BUSY,
  /** A value is NaN or infinite. */
  NOT_FINITE,
  /** A joint target is outside its limits less the margin. */
  JOINT_LIMIT,
  /** The joint speed asked for is above the limit. */
  JOINT_SPEED,
  /** The joint acceleration asked for is above the limit. */
  JOINT_ACCELERATION,
  /** The tool speed asked for (or estimated, for joint moves) is above the limit. */
  TCP_SPEED,
  /** The tool acceleration asked for is above the limit. */
  TCP_ACCELERATION,
  /** The tool would leave the workspace box. */
  WORKSPACE,
  /** The tool would enter a forbidden zone. */
  FORBIDDEN_ZONE,
  /** The digital output is not one CellPilot may set. */
  OUTPUT_NOT_ALLOWED,
  /** A person is so near that speed and separation monitoring leaves no useful speed. */
  PERSON_TOO_CLOSE,
  /** The zone sensor's last reading is too old to trust. */
  CELL_CONTEXT_STALE
}
