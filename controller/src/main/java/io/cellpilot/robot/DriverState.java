package io.cellpilot.robot;

/**
 * A robot driver's lifecycle, after ros2_control's: configured drivers are INACTIVE (connected, reading state, no
 * motion), ACTIVE drivers accept motion, FAULT means the link to the robot failed and motion is refused until the
 * driver is deactivated and activated again.
 */
public enum DriverState {
  UNCONFIGURED, INACTIVE, ACTIVE, FAULT
}
